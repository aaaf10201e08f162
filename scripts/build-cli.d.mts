/** The path of the `agp` bundle (dist/cli/agp.mjs). */
export declare const cliBundle: string;
/** Builds the `agp` bundle with esbuild; answers its path. */
export declare function buildCli(): Promise<string>;
