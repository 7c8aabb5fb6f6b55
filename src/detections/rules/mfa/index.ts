import mfaPushFatigue from './mfa-push-fatigue';

export default [mfaPushFatigue];
