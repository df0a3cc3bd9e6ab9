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

    private static JsonNode golden(String name) {
        try (var in = SchemaParserTest.class.getResourceAsStream(name)) {
            return JSON.readTree(in);
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
                "{'name':'D','tables':{'A':{'columns':{'a':{'type':'integer'}}},'B':{'columns':{'b':{'type':'integer'}}}}}"));
        assertThat(old.tables().values()).allMatch(TableSchema::isRoot);
        assertThat(old.version()).isEmpty();

        DatabaseSchema marked = DatabaseSchema.fromJson(json("{'name':'D','version':'1.0.0','tables':{"
                + "'A':{'columns':{'a':{'type':'integer'}},'isRoot':true},'B':{'columns':{'b':{'type':'integer'}}}}}"));
        assertThat(marked.requireTable("A").isRoot()).isTrue();
        assertThat(marked.requireTable("B").isRoot()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'name':'D','future':1,'tables':{'T':{'columns':{'c':{'type':'integer'}}}}}          | schema D: member \"future\" is not allowed here",
        "{'name':'D','tables':{'T':{'shiny':[],'columns':{'c':{'type':'integer'}}}}}          | table T: member \"shiny\"",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':'integer','extra':true}}}}}        | column c: member \"extra\"",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':{'key':'integer','mn':0}}}}}}       | column c: type: member \"mn\"",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':{'key':{'type':'integer','min':0}}}}}}} | column c: key: member \"min\"",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':{'key':{'type':'integer','enum':1,'maxInteger':2}}}}}}} | key: minInteger/maxInteger is not allowed beside an enum",
    })
    void rejectsMembersOvsdbServerDoesNotKnowRatherThanDroppingThem(String schema, String message) {
        // ovsdb-server 3.1: "Member 'future' is present but not allowed here."
        assertThatThrownBy(() -> DatabaseSchema.fromJson(json(schema)))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining(message);
    }

    /** What ovsdb-tool 3.1 accepts as a version: scanf's %u.%u.%u, then nothing. */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"1.2.3", " 1.2.3", "01.2.3", "-1.2.3", "+1.2.3",
        "4294967296.0.0", "1. 2.3"})
    void acceptsTheVersionsOvsdbServerAccepts(String version) {
        assertThat(DatabaseSchema.fromJson(json("{'name':'D','version':'" + version
                + "','tables':{'T':{'columns':{'c':{'type':'integer'}}}}}")).version()).isEqualTo(version);
    }

    /** What ovsdb-tool 3.1 refuses with "schema version ... not in format x.y.z". */
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"1.2", "1.2.3.4", "a.b.c", "\"1.2.3 \"", "\"\"", "1..3",
        "1.2.3x", "1 .2.3"})
    void rejectsTheVersionsOvsdbServerRejects(String version) {
        assertThatThrownBy(() -> DatabaseSchema.fromJson(json("{'name':'D','version':'" + version
                + "','tables':{'T':{'columns':{'c':{'type':'integer'}}}}}")))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining("schema D: version \"" + version + "\" is not in the format x.y.z");
    }

    @Test
    void readsTheTableAndColumnMutableFlags() {
        DatabaseSchema s = DatabaseSchema.fromJson(json("{'name':'D','tables':{'T':{'mutable':false,'columns':{"
                + "'fixed':{'type':'string','mutable':false},'free':{'type':'string'},"
                + "'weak':{'type':{'key':{'type':'uuid','refTable':'T','refType':'weak'}},'mutable':false}}}}}"));
        TableSchema t = s.requireTable("T");
        assertThat(t.mutable()).isFalse();
        assertThat(t.requireColumn("fixed").mutable()).isFalse();
        assertThat(t.requireColumn("free").mutable()).isTrue();
        assertThat(t.requireColumn("weak").mutable()).as("ovsdb-server(7) 3.2: weak references stay mutable").isTrue();
        assertThat(DatabaseSchema.fromJson(json("{'name':'D','tables':{'T':{'columns':{'c':{'type':'string'}}}}}"))
                .requireTable("T").mutable()).isTrue();
    }

    @Test
    void makesAStrongReferenceToANonRootTablePersistentAsOvsdbServerDoes() {
        DatabaseSchema s = DatabaseSchema.fromJson(json("{'name':'D','tables':{"
                + "'Root':{'isRoot':true,'columns':{'child':{'type':{'key':{'type':'uuid','refTable':'Child'}},'ephemeral':true},"
                + "'peer':{'type':{'key':{'type':'uuid','refTable':'Root'}},'ephemeral':true}}},"
                + "'Child':{'columns':{'n':{'type':'integer'}}}}}"));
        assertThat(s.requireTable("Root").requireColumn("child").ephemeral()).isFalse();
        assertThat(s.requireTable("Root").requireColumn("peer").ephemeral()).isTrue();
    }

    @Test
    void writesBackWhatItReads() {
        String schema = "{'name':'D','version':'1.2.3','cksum':'1 2','tables':{"
                + "'A':{'columns':{'n':{'type':{'key':{'type':'integer','minInteger':0,'maxInteger':4095},'min':0,'max':4}},"
                + "'r':{'type':{'key':{'type':'real','minReal':0.5},'value':'string','max':'unlimited'}},"
                + "'s':{'type':{'key':{'type':'string','enum':['set',['a','b']]}},'ephemeral':true},"
                + "'one':{'type':{'key':{'type':'string','enum':'only'}}},"
                + "'len':{'type':{'key':{'type':'string','minLength':0,'maxLength':8}}},"
                + "'ref':{'type':{'key':{'type':'uuid','refTable':'B','refType':'weak'},'min':0,'max':'unlimited'}},"
                + "'k':{'type':'boolean','mutable':false}},'isRoot':true,'maxRows':1,'indexes':[['n'],['n','k']]},"
                + "'B':{'columns':{'u':{'type':'uuid'}},'mutable':false}}}";
        DatabaseSchema parsed = DatabaseSchema.fromJson(json(schema));
        assertThat(DatabaseSchema.fromJson(parsed.toJson())).isEqualTo(parsed);
        // The form ovsdb-tool 3.1 wrote this schema in, as the first record of a database file:
        // short forms, defaults (minLength 0) left out, isRoot only on root tables.
        assertThat(parsed.toJson()).isEqualTo(golden("written-by-ovsdb-tool.json"));
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
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':'integer'}},'maxRows':0}}}   | table T: maxRows must be positive",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':'integer'}},'indexes':[['d']]}}} | table T: index [d] names unknown column d",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':'integer'}},'isRoot':1}}}    | table T: isRoot is not a boolean",
        "{'name':'D','tables':{'1T':{'columns':{}}}}              | is not a valid identifier",
        "{'name':'D','tables':{'T':{'columns':{}}}}               | table T: a table must have at least one column",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':'integer','ephemeral':true}},'indexes':[['c']]}}} | table T: index [c] names ephemeral column c",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':'integer'}},'mutable':'no'}}} | table T: mutable is not a boolean",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':{'key':'integer','max':4294967295}}}}}} | column c: max must be between 0 and 4294967294",
        "{'name':'D','tables':{'T':{'columns':{'c':{'type':{'key':{'type':'string','maxLength':4294967296}}}}}}} | column c: key: maxLength must be between 0 and 4294967295",
    })
    void reportsMalformedSchemas(String schema, String message) {
        assertThatThrownBy(() -> DatabaseSchema.fromJson(json(schema)))
                .isInstanceOf(OvsdbProtocolException.class)
                .hasMessageContaining(message);
    }
}
