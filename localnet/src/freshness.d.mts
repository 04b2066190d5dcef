/** The time (ms) of the newest change under a file or folder, leaving out the SDK's derived sources. */
export declare function newestChange(path: string): number
/** Whether sdk/dist is newer than everything it is built from (false when it is missing). */
export declare function isSdkBuilt(repoRoot: string): boolean
