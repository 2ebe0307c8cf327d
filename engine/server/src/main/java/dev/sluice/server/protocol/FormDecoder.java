package dev.sluice.server.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} strictly: a broken percent escape or bytes that are not
 * UTF-8 are refused, where the JDK's URLDecoder would silently substitute characters (and so change a
 * message body).
 */
final class FormDecoder {

    private FormDecoder() {
    }

    static Map<String, String> decode(String form, Map<String, String> into) {
        if (form.isEmpty()) {
            return into;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = component(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : component(pair.substring(eq + 1));
            // A repeated name keeps its first value, as SQS does (AttributeNames and MessageSystemAttributeNames
            // share the Query names AttributeName.N, and the first list wins).
            into.putIfAbsent(key, value);
        }
        return into;
    }

    static Map<String, String> decode(String form) {
        return decode(form, new LinkedHashMap<>());
    }

    private static String component(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw ProtocolException.malformed("Broken percent-encoding in the request.");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw ProtocolException.malformed("Broken percent-encoding in the request.");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x100) {
                bytes.write(c); // the body arrives as ISO-8859-1: one char per raw byte
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ProtocolException.malformed("The request contains bytes that are not valid UTF-8.");
        }
    }
}
