package org.ovsqos.core.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ovsqos.json.JsonTrees;

/** The canonical JSON of a configuration: every key, numbers as exact decimals. */
final class ConfigWriter {
    private ConfigWriter() {}

    static byte[] write(QosConfig c) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put(Keys.BASE_RATE_MBIT, Values.mbitDecimal(c.baseKbps()));
        ArrayNode include = root.putArray(Keys.IFACE_NAME_REGEXES);
        c.ifaceNameRegexes().forEach(p -> include.add(p.source()));
        root.put(Keys.SAMPLE_INTERVAL_SEC, Values.secondsDecimal(c.sampleInterval()));
        ArrayNode tiers = root.putArray(Keys.TIERS);
        for (Tier t : c.tiers()) {
            tiers.addObject()
                    .put(Keys.USAGE_FRACTION, t.usageFraction())
                    .put(Keys.TRIGGER_SECONDS, Values.secondsDecimal(t.trigger()))
                    .put(Keys.RATE_FRACTION, t.rateFraction())
                    .put(Keys.PENALTY_SECONDS, Values.secondsDecimal(t.penalty()));
        }
        ArrayNode overrides = root.putArray(Keys.BASE_RATE_OVERRIDES);
        for (BaseRateOverride o : c.baseRateOverrides()) {
            overrides.addObject()
                    .put(Keys.REGEX, o.regex().source())
                    .put(Keys.BASE_RATE_MBIT, Values.mbitDecimal(o.baseKbps()));
        }
        ArrayNode exclude = root.putArray(Keys.EXCLUDE_REGEXES);
        c.excludeRegexes().forEach(p -> exclude.add(p.source()));
        root.put(Keys.BURST_FRACTION, c.burstFraction());
        root.put(Keys.BURST_MIN_KB, c.burstMinKb());
        root.put(Keys.DRY_RUN, c.dryRun());
        root.put(Keys.STATE_PATH, c.statePath().toString());
        if (c.metricsListen().isPresent()) {
            root.put(Keys.METRICS_LISTEN, c.metricsListen().get().toString());
        } else {
            root.putNull(Keys.METRICS_LISTEN);
        }
        root.put(Keys.LOG_LEVEL, c.logLevel());
        return JsonTrees.indentedBytes(ConfigReader.JSON, root);
    }
}
