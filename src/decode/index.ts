export * from "./decode.js";
