package org.ovsqos.ovsdb.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ovsqos.ovsdb.OvsdbProtocolException;
import org.ovsqos.ovsdb.notation.Atom;
import org.ovsqos.ovsdb.notation.OvsdbSet;

class SchemaParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A one-table schema whose column {@code c} has the given type JSON. */
    private static DatabaseSchema withColumn(String type) {
        return DatabaseSchema.fromJson(json("{'name':'D','version':'1.0.0','tables':{'T':{'columns':{'c':{'type':"
                + type + "}}}}}"));
    }

    private static ColumnType typeOf(String type) {
        return withColumn(type).requireTable("T").requireColumn("c").type();
    }

    @Test
    void readsEveryConstraint() {
        assertThat(typeOf("{'key':{'type':'integer','minInteger':-3,'maxInteger':7}}").key())
                .isEqualTo(BaseType.of(AtomicType.INTEGER).withIntegerRange(-3, 7));
        assertThat(typeOf("{'key':{'type':'real','minReal':0,'maxReal':1.5}}").key())
                .isEqualTo(BaseType.of(AtomicType.REAL).withRealRange(0, 1.5));
        assertThat(typeOf("{'key':{'type':'string','minLength':1,'maxLength':8}}").key())
                .isEqualTo(BaseType.of(AtomicType.STRING).withLengthRange(1, 8));
        assertThat(typeOf("{'key':{'type':'uuid','refTable':'T','refType':'weak'}}").key())
                .isEqualTo(BaseType.reference("T", RefType.WEAK));
        assertThat(typeOf("{'key':{'type':'uuid','refTable':'T'}}").key().refType()).isEqualTo(RefType.STRONG);
    }

    @Test
    void readsASingleAtomEnumAndCoercesIntegersInARealEnum() {
        assertThat(typeOf("{'key':{'type':'string','enum':'only'}}").key().enumeration())
                .contains(OvsdbSet.ofStrings("only"));
        assertThat(typeOf("{'key':{'type':'real','enum':['set',[1,2.5]]}}").key().enumeration())
                .contains(OvsdbSet.of(Atom.real(1), Atom.real(2.5)));
    }

    @ParameterizedTest(name = "{0} -> min {1} max {2} map {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'integer'                                        | 1 | 1                   | false",
        "{'key':'integer'}                                | 1 | 1                   | false",
        "{'key':'integer','min':0}                        | 0 | 1                   | false",
        "{'key':'integer','min':0,'max':'unlimited'}      | 0 | 9223372036854775807 | false",
        "{'key':'string','value':'integer','max':4}       | 1 | 4                   | true",
    })
    void readsTheShortAndLongFormsOfATypes(String type, int min, long max, boolean map) {
        ColumnType t = typeOf(type);
        assertThat(t.min()).isEqualTo(min);
        assertThat(t.max()).isEqualTo(max);
        assertThat(t.isMap()).isEqualTo(map);
    }

    @Test
    void treatsEveryTableAsRootWhenNoneIsMarked() {
        DatabaseSchema old = DatabaseSchema.fromJson(json(
                "{'name':'D','tables':{'A':{'columns':{}},'B':{'columns':{}}}}"));
        assertThat(old.tables().values()).allMatch(TableSchema::isRoot);
        assertThat(old.version()).isEmpty();

        DatabaseSchema marked = DatabaseSchema.fromJson(json(
                "{'name':'D','version':'1.0.0','tables':{'A':{'columns':{},'isRoot':true},'B':{'columns':{}}}}"));
        assertThat(marked.requireTable("A").isRoot()).isTrue();
        assertThat(marked.requireTable("B").isRoot()).isFalse();
    }

    @Test
    void ignoresMembersItDoesNotKnow() {
        DatabaseSchema s = DatabaseSchema.fromJson(json(
                "{'name':'D','future':1,'tables':{'T':{'shiny':[],'columns':{'c':{'type':'integer','extra':true}}}}}"));
        assertThat(s.requireTable("T").requireColumn("c").type()).isEqualTo(ColumnType.scalar(BaseType.of(AtomicType.INTEGER)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'number'                                                  | column c: unknown atomic type",
        "{'value':'string'}                                        | column c: type has no key",
        "{'key':'integer','min':2}                                 | column c: min must be 0 or 1",
        "{'key':'integer','max':0}                                 | column c: max must be at least 1",
        "{'key':'integer','max':'lots'}                            | column c: max is neither an integer nor unlimited",
        "{'key':{'type':'string','minInteger':1}}                  | column c: key: minInteger/maxInteger applies only to integer",
        "{'key':{'type':'integer','minInteger':5,'maxInteger':1}}  | column c: key: minInteger 5 exceeds maxInteger 1",
        "{'key':{'type':'uuid','refTable':'Nope'}}                 | table T column c: refTable Nope is not a table",
        "{'key':{'type':'uuid','refType':'weak'}}                  | column c: key: refType without refTable",
        "{'key':{'type':'uuid','refTable':'T','refType':'soft'}}   | column c: key: refType must be",
        "{'key':{'type':'string','enum':['set',[1]]}}              | column c: key: enum: expected string",
        "{'key':{'type':'string','enum':['map',[]]}}               | column c: key: enum: expected an atom or a set",
    })
    void namesTheTableAndColumnOfABadType(String type, String message) {
        assertThatThrownBy(() -> withColumn(type))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining("table T")
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[]                                                       | database schema: expected a JSON object",
        "{'tables':{}}                                            | name is missing",
        "{'name':'D'}                                             | schema D: tables: expected a JSON object",
        "{'name':'D','tables':{'T':{}}}                           | table T: columns: expected a JSON object",
        "{'name':'D','tables':{'T':{'columns':{'_x':{'type':'integer'}}}}} | column _x: names beginning with _ are reserved",
        "{'name':'D','tables':{'T':{'columns':{'c':{}}}}}         | column c: type is missing",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':'integer','ephemeral':'yes'}}}}} | column c: ephemeral is not a boolean",
        "{'name':'D','tables':{'T':{'columns':{},'maxRows':0}}}   | table T: maxRows must be positive",
        "{'name':'D','tables':{'T':{'columns':{},'indexes':[['c']]}}} | table T: index [c] names unknown column c",
        "{'name':'D','tables':{'T':{'columns':{},'isRoot':1}}}    | table T: isRoot is not a boolean",
        "{'name':'D','tables':{'1T':{'columns':{}}}}              | is not a valid identifier",
    })
    void reportsMalformedSchemas(String schema, String message) {
        assertThatThrownBy(() -> DatabaseSchema.fromJson(json(schema)))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining(message);
    }
}
