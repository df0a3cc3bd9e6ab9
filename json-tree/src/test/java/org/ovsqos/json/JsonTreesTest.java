package org.ovsqos.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ovsqos.json.JsonTrees.Floats;

/** The mapper is the oracle: for random trees and texts, JsonTrees reads and writes as it does. */
class JsonTreesTest {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper DECIMAL_MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Test
    void writesEveryTreeAsADefaultMapperDoesAsBytesAndAsText() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            JsonNode tree = new RandomTrees(seed).tree();
            assertThat(JsonTrees.bytes(FACTORY, tree)).isEqualTo(unchecked(() -> MAPPER.writeValueAsBytes(tree)));
            assertThat(JsonTrees.text(FACTORY, tree)).isEqualTo(unchecked(() -> MAPPER.writeValueAsString(tree)));
            assertThat(JsonTrees.text(tree)).isEqualTo(tree.toString());
        });
    }

    @Test
    void writesIndentedTreesAsAMapperWithIndentOutput() {
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            JsonNode tree = new RandomTrees(seed).tree();
            assertThat(JsonTrees.indentedBytes(FACTORY, tree))
                    .isEqualTo(unchecked(() -> MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree)));
        });
    }

    @Test
    void readsEveryTextIntoTheTreeADefaultMapperReads() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            RandomTrees random = new RandomTrees(seed);
            for (String text : texts(random)) {
                JsonNode expected = unchecked(() -> MAPPER.readTree(text));
                JsonNode read = unchecked(() -> JsonTrees.parse(FACTORY, text.getBytes(UTF_8)));
                assertThat(read).as(text).isEqualTo(expected);
                assertThat(MAPPER.valueToTree(read).toString()).as(text).isEqualTo(expected.toString());
            }
        });
    }

    @Test
    void readsFloatsAsDecimalsAsUseBigDecimalForFloatsDoes() {
        qt().withExamples(1000).forAll(longs().all()).checkAssert(seed -> {
            RandomTrees random = new RandomTrees(seed);
            for (String text : texts(random)) {
                JsonNode expected = unchecked(() -> DECIMAL_MAPPER.readTree(text));
                JsonNode read = unchecked(() -> {
                    try (JsonParser p = FACTORY.createParser(text)) {
                        return JsonTrees.read(p, Floats.BIG_DECIMAL);
                    }
                });
                assertThat(read).as(text).isEqualTo(expected);
                assertThat(JsonTrees.bytes(FACTORY, read)).as(text)
                        .isEqualTo(unchecked(() -> MAPPER.writeValueAsBytes(expected)));
            }
        });
    }

    @Test
    void aRepeatedNameKeepsTheLastValueInTheFirstPlaceAsTheMapperDoes() throws IOException {
        String text = "{\"a\":1,\"b\":2,\"a\":[3]}";
        JsonNode read = JsonTrees.parse(FACTORY, text.getBytes(UTF_8));
        assertThat(read).isEqualTo(MAPPER.readTree(text));
        assertThat(new String(JsonTrees.bytes(FACTORY, read), UTF_8)).isEqualTo("{\"a\":[3],\"b\":2}");
    }

    @Test
    void emptyInputIsAMissingNodeAndWhatFollowsTheFirstValueIsNotRead() throws IOException {
        assertThat(JsonTrees.parse(FACTORY, new byte[0])).isSameAs(MissingNode.getInstance())
                .isEqualTo(MAPPER.readTree(new byte[0]));
        assertThat(JsonTrees.parse(FACTORY, " \n ".getBytes(UTF_8))).isSameAs(MissingNode.getInstance());
        assertThat(JsonTrees.parse(FACTORY, "{\"a\":1} {".getBytes(UTF_8)))
                .isEqualTo(MAPPER.readTree("{\"a\":1} {"));
    }

    @Test
    void readingAValueLeavesTheParserOnItsLastTokenForTheCallerToGoOn() throws IOException {
        try (JsonParser p = FACTORY.createParser("[{\"x\":[1,2]},\"next\"]")) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            p.nextToken();
            assertThat(JsonTrees.read(p)).isEqualTo(MAPPER.readTree("{\"x\":[1,2]}"));
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(p.nextTextValue()).isEqualTo("next");
        }
    }

    @Test
    void theFactorysLimitsStillApply() {
        JsonFactory shallow = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(3).build()).build();
        assertThatThrownBy(() -> JsonTrees.parse(shallow, "[[[[1]]]]".getBytes(UTF_8)))
                .isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("Document nesting depth (4) exceeds the maximum allowed (3");
    }

    @Test
    void theDeepestTreeTheDefaultLimitAllowsIsReadAndWritten() throws IOException {
        int depth = StreamReadConstraints.DEFAULT_MAX_DEPTH;
        String text = "[".repeat(depth) + "]".repeat(depth);
        JsonNode read = JsonTrees.parse(FACTORY, text.getBytes(UTF_8));
        assertThat(new String(JsonTrees.bytes(FACTORY, read), UTF_8)).isEqualTo(text);
        assertThatThrownBy(() -> JsonTrees.parse(FACTORY, ("[" + text + "]").getBytes(UTF_8)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void aPojoNodeHasNoJsonOfItsOwnAndSaysWhatItHolds() {
        JsonNode pojo = JsonNodeFactory.instance.arrayNode().addPOJO(Duration.ZERO);
        assertThatThrownBy(() -> JsonTrees.bytes(FACTORY, pojo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.time.Duration");
    }

    /** A tree as the mapper writes it, and numbers in forms no generator writes. */
    private static String[] texts(RandomTrees random) {
        JsonNode tree = random.tree();
        String number = random.numberText();
        return new String[] {
            unchecked(() -> MAPPER.writeValueAsString(tree)),
            number,
            "{\"n\":" + number + ",\"in\":[" + random.numberText() + ", " + number + "]}",
        };
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T unchecked(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
