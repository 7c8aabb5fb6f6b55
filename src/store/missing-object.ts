/** Whether an S3 error says the object is not there (GetObject's NoSuchKey, HeadObject's NotFound). */
export const isMissingObject = (err: unknown): boolean => ['NoSuchKey', 'NotFound'].includes((err as { name?: string }).name ?? '');
