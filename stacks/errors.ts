/** A problem with how synth was set up (not a bug): main prints the message and exits non-zero. */
export class SynthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SynthConfigError';
  }
}
