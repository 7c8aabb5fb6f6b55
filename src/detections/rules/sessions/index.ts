import anonymizerSignIn from './anonymizer-sign-in';
import concurrentSessions from './concurrent-sessions';
import impossibleTravel from './impossible-travel';
import newCountrySignIn from './new-country-sign-in';
import scriptedUserAgent from './scripted-user-agent';
import sessionHijack from './session-hijack';
import unassignedAppAccess from './unassigned-app-access';

export default [impossibleTravel, sessionHijack, anonymizerSignIn, scriptedUserAgent, concurrentSessions, newCountrySignIn, unassignedAppAccess];
