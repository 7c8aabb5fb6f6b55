import type { Detection } from '../../types';

export default [] as Detection<any, any>[];
