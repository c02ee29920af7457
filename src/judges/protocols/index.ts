/** Importing this module registers every implemented protocol. */
export {};
