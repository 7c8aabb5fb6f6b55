import bruteForceUser from './brute-force-user';

export default [bruteForceUser];
