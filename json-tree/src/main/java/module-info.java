/**
 * Jackson trees without an {@code ObjectMapper}: {@link org.ovsqos.json.JsonTrees} reads a
 * {@code JsonNode} from a parser and writes one to a generator, as a default mapper would.
 */
module org.ovsqos.json {
    requires transitive com.fasterxml.jackson.databind;

    exports org.ovsqos.json;
}
