export { fold, tokenize, glued, bases, lookup, stripArticle, type Token, type TokenKind } from "./tokens.js";
export { parseNumeral, readNumber, readOrdinal, round, type NumMatch } from "./numerals.js";
