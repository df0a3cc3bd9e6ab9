package org.ovsqos.ovsdb.notation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rowsDecodedApartShareTheirMapKeys() throws Exception {
        String row = "{\"statistics\": [\"map\", [[\"rx_bytes\", 1], [\"tx_bytes\", 2]]]}";
        OvsdbMap first = (OvsdbMap) NotationJson.rowFromJson(JSON.readTree(row)).get("statistics");
        OvsdbMap second = (OvsdbMap) NotationJson.rowFromJson(JSON.readTree(row.replace("1]", "7]"))).get("statistics");

        List<Atom> firstKeys = List.copyOf(first.entries().keySet());
        List<Atom> secondKeys = List.copyOf(second.entries().keySet());
        assertThat(secondKeys).isEqualTo(firstKeys);
        for (int i = 0; i < firstKeys.size(); i++) {
            assertThat(secondKeys.get(i)).isSameAs(firstKeys.get(i));
        }
        assertThat(second.get("rx_bytes")).isEqualTo(Atom.integer(7));
    }

    @Test
    void onlyStringKeysAreSharedAndValuesNever() {
        Atom integer = Atom.integer(5);
        assertThat(MapKeys.canonical(integer)).isSameAs(integer);
        StringAtom a = new StringAtom(new String("map-keys-test-key"));
        StringAtom b = new StringAtom(new String("map-keys-test-key"));
        assertThat(MapKeys.canonical(b)).isSameAs(MapKeys.canonical(a));
    }
}
