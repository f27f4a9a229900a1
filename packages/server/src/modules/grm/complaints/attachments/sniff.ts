/** The attachment kinds and their limits are the platform's (lib/file-sniff.ts: device uploads use them too). */
export * from '../../../../lib/file-sniff.js';
