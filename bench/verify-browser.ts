import { benchVerify } from './verify-run.js';
(window as unknown as { benchVerify: typeof benchVerify }).benchVerify = benchVerify;
