package mtc.syntax;

import mtc.diag.Span;

/** An identifier as written, with its position: names are looked up, and errors point at them. */
public record Name(String text, Span span) {}
