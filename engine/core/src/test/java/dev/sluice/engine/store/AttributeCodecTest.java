package dev.sluice.engine.store;

import dev.sluice.engine.model.MessageAttribute;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttributeCodecTest {

    @Test
    void attributesRoundTripIncludingNullsEmptiesAndBinary() {
        byte[] big = new byte[70_000];
        Arrays.fill(big, (byte) 0xA5);
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        attributes.put("s", MessageAttribute.string("héllo 😀 \u0000 end"));
        attributes.put("n", MessageAttribute.number("-12.5e3"));
        attributes.put("b", MessageAttribute.binary(new byte[] {0, -1, 127, -128}));
        attributes.put("big", new MessageAttribute("Binary.blob", null, big));
        attributes.put("emptyString", MessageAttribute.string(""));
        attributes.put("emptyBinary", MessageAttribute.binary(new byte[0]));
        attributes.put("nulls", new MessageAttribute(null, null, null));

        assertThat(AttributeCodec.decodeAttributes(AttributeCodec.encodeAttributes(attributes)))
                .containsExactlyEntriesOf(attributes);
    }

    @Test
    void emptyMapsTakeNoSpace() {
        assertThat(AttributeCodec.encodeAttributes(Map.of())).isNull();
        assertThat(AttributeCodec.encodeStrings(Map.of())).isNull();
        assertThat(AttributeCodec.decodeAttributes(null)).isEmpty();
        assertThat(AttributeCodec.decodeStrings(null)).isEmpty();
    }

    @Test
    void stringMapsRoundTrip() {
        Map<String, String> tags = Map.of("team", "payments", "ünïcode", "𝄞 clef", "", "");
        assertThat(AttributeCodec.decodeStrings(AttributeCodec.encodeStrings(tags))).isEqualTo(tags);
    }

    @Test
    void encodingIsCompact() {
        byte[] blob = AttributeCodec.encodeAttributes(Map.of("k", MessageAttribute.string("v")));
        // version, count, "k", "String", "v", null binary
        assertThat(blob).hasSize(1 + 1 + 2 + 7 + 2 + 1);
    }

    @Test
    void corruptEncodingsAreRejectedClearly() {
        byte[] blob = AttributeCodec.encodeAttributes(Map.of("key", MessageAttribute.string("value")));

        assertThatThrownBy(() -> AttributeCodec.decodeAttributes(Arrays.copyOf(blob, blob.length - 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt attribute encoding");
        assertThatThrownBy(() -> AttributeCodec.decodeAttributes(Arrays.copyOf(blob, blob.length + 1)))
                .hasMessageContaining("trailing");
        byte[] future = blob.clone();
        future[0] = 9;
        assertThatThrownBy(() -> AttributeCodec.decodeAttributes(future)).hasMessageContaining("version 9");
    }
}
