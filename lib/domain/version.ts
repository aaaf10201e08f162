/** The portal's version, as package.json says (a unit test keeps the two equal); SARIF and `agp --version` report it. */
export const agpVersion = "0.1.0";
