package mtc.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser for safetensors headers, which come from untrusted files: it
 * rejects anything that is not RFC 8259 JSON, duplicate keys and deep nesting, with the character
 * offset of the problem. Values become {@code Map} (insertion-ordered), {@code List},
 * {@code String}, {@code BigDecimal}, {@code Boolean} or {@code null}.
 */
final class Json {
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;

    /** Thrown for malformed JSON; {@link #offset()} says where. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int offset;

        SyntaxException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        int offset() { return offset; }
    }

    private Json(String text) {
        this.text = text;
    }

    /** Parses {@code text}, which must hold exactly one JSON value (surrounding blanks allowed). */
    static Object parse(String text) throws SyntaxException {
        Json p = new Json(text);
        Object value = p.value(0);
        p.skipBlanks();
        if (p.pos < text.length()) throw p.error("unexpected text after the JSON value");
        return value;
    }

    private Object value(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH + " levels");
        skipBlanks();
        if (pos >= text.length()) throw error("unexpected end of the header");
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) throws SyntaxException {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        if (consume('}')) return map;
        do {
            skipBlanks();
            int keyAt = pos;
            if (!peekIs('"')) throw error("expected a string key");
            String key = string();
            expect(':');
            Object v = value(depth + 1);
            if (map.containsKey(key)) throw new SyntaxException("duplicate key \"" + key + "\"", keyAt);
            map.put(key, v);
        } while (consume(','));
        expect('}');
        return map;
    }

    private List<Object> array(int depth) throws SyntaxException {
        List<Object> list = new ArrayList<>();
        pos++;
        if (consume(']')) return list;
        do {
            list.add(value(depth + 1));
        } while (consume(','));
        expect(']');
        return list;
    }

    private String string() throws SyntaxException {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c < 0x20) throw new SyntaxException("control character in a string", pos - 1);
            sb.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() throws SyntaxException {
        if (pos >= text.length()) throw error("unterminated string");
        char c = text.charAt(pos++);
        switch (c) {
            case '"': case '\\': case '/': return c;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': return unicodeEscape();
            default: throw new SyntaxException("invalid escape '\\" + c + "'", pos - 2);
        }
    }

    private char unicodeEscape() throws SyntaxException {
        if (pos + 4 > text.length()) throw error("incomplete \\u escape");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) throw error("invalid \\u escape");
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private BigDecimal number() throws SyntaxException {
        int start = pos;
        accept('-');
        if (accept('0')) {
            if (digitAt(pos)) throw error("leading zero in a number");
        } else {
            digits();
        }
        if (accept('.')) digits();
        if (accept('e') || accept('E')) {
            if (!accept('+')) accept('-');
            digits();
        }
        return new BigDecimal(text.substring(start, pos));
    }

    private void digits() throws SyntaxException {
        if (!digitAt(pos)) throw error("expected a digit");
        while (digitAt(pos)) pos++;
    }

    private boolean digitAt(int i) {
        return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    private Object literal(String word, Object value) throws SyntaxException {
        if (!text.startsWith(word, pos)) throw error("unexpected character '" + text.charAt(pos) + "'");
        pos += word.length();
        return value;
    }

    private void expect(char c) throws SyntaxException {
        if (!consume(c)) throw error(pos >= text.length() ? "unexpected end of the header" : "expected '" + c + "'");
    }

    private boolean consume(char c) {
        skipBlanks();
        return accept(c);
    }

    /** Like {@link #consume} but without skipping blanks: for the inside of a number. */
    private boolean accept(char c) {
        if (!peekIs(c)) return false;
        pos++;
        return true;
    }

    private boolean peekIs(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipBlanks() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) pos++;
    }

    private SyntaxException error(String message) {
        return new SyntaxException(message, pos);
    }
}
