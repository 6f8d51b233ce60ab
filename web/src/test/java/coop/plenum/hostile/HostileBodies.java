package coop.plenum.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Request bodies an attacker or a broken client would send, derived from an operation's request schema in
 * {@code /v3/api-docs}: a plausible body with one part made hostile (wrong types, numbers of a thousand digits and
 * beyond any bound, NUL and other control characters, lone surrogates, year-294277 instants, nulls inside arrays,
 * unknown fields), or a body that is not well-formed JSON at all (duplicate keys, trailing content, truncation,
 * nesting thousands deep, another top-level type). Deterministic for a given {@link Random}.
 */
final class HostileBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Raw JSON tokens put where a field's value goes. */
    static final List<String> HOSTILE_VALUES = List.of(
            "null", "\"\"", "\"\\u0000\"", "\"admin\\u0000\"", "\"a\\u0007b\\u001bc\"", "\"\\ud800\"", "\"\\u202egnp.exe\"",
            "\"\uD83D\uDE00 \u00e9\u4e2d\"", "1E+1000", "\"1E+1000\"", "1E+9999", "\"1E-10000\"", "1e-10000",
            "1" + "0".repeat(1000), "-1", "0", "2147483648", "-9223372036854775809", "1.5", "NaN", "\"NaN\"", "\"Infinity\"",
            "true", "[]", "{}", "[null]", "[[]]", "{\"id\":null}",
            "\"+294277-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"", "\"0000-00-00\"", "\"2026-02-30\"", "\"tomorrow\"",
            "\"" + "x".repeat(5000) + "\"", "\"FOO\"", "\"YES\"", "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"",
            "\"${jndi:ldap://x}\"", "\"'; drop table domainevententry; --\"");

    private final Random random;

    HostileBodies(Random random) {
        this.random = random;
    }

    /** One hostile body for a request schema (resolved against the description's components). */
    String next(JsonNode schema, JsonNode components) {
        JsonNode plausible = plausible(schema, components, 0);
        int kind = random.nextInt(20);
        String valid = plausible.toString();
        return switch (kind) {
            case 0 -> duplicateKey(valid);
            case 1 -> valid + " garbage";
            case 2 -> valid + valid;
            case 3 -> valid.substring(0, Math.max(1, valid.length() / 2));
            case 4 -> "[".repeat(5000) + "]".repeat(5000);
            case 5 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
            case 6 -> List.of("[]", "1", "\"x\"", "null", "true", "", "   ", "\u0000", "{", "}").get(random.nextInt(10));
            case 7 -> withField(plausible, "unknownField" + random.nextInt(100), "1");
            case 8 -> "{\"x\":\"" + "y".repeat(300_000) + "\"}";
            default -> hostileLeaf(plausible);
        };
    }

    /** A body that could be valid: every property present with a value of its declared type. */
    static JsonNode plausible(JsonNode schema, JsonNode components, int depth) {
        JsonNode resolved = resolve(schema, components);
        if (resolved == null || depth > 6) {
            return JSON.nullNode();
        }
        String type = resolved.path("type").asText("object");
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        return switch (type) {
            case "string" -> JSON.textNode(sampleString(resolved));
            case "integer" -> JSON.numberNode(1);
            case "number" -> JSON.numberNode(new java.math.BigDecimal("1.5"));
            case "boolean" -> JSON.booleanNode(true);
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                array.add(plausible(resolved.path("items"), components, depth + 1));
                yield array;
            }
            default -> {
                ObjectNode object = JSON.objectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = resolved.path("properties").fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.set(field.getKey(), plausible(field.getValue(), components, depth + 1));
                }
                if (!resolved.has("properties") && resolved.has("additionalProperties")) {
                    object.set("KEY", plausible(resolved.get("additionalProperties"), components, depth + 1));
                }
                yield object;
            }
        };
    }

    private static String sampleString(JsonNode schema) {
        String format = schema.path("format").asText("");
        return switch (format) {
            case "date-time" -> "2030-01-01T00:00:00Z";
            case "date" -> "2026-01-01";
            default -> "sample";
        };
    }

    static JsonNode resolve(JsonNode schema, JsonNode components) {
        if (schema == null || schema.isMissingNode()) {
            return null;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(components.path("schemas").path(name), components);
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0), components);
        }
        return schema;
    }

    /** The plausible body with one leaf (or the whole body) replaced by a hostile raw token. */
    private String hostileLeaf(JsonNode plausible) {
        String hostile = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(plausible, new ArrayList<>(), paths);
        if (paths.isEmpty()) {
            return hostile;
        }
        List<Object> path = paths.get(random.nextInt(paths.size()));
        String marker = "\"@@HOSTILE@@\"";
        JsonNode copy = plausible.deepCopy();
        replace(copy, path, JSON.textNode("@@HOSTILE@@"));
        return copy.toString().replace(marker, hostile);
    }

    private static void collectPaths(JsonNode node, List<Object> prefix, List<List<Object>> out) {
        if (!prefix.isEmpty()) {
            out.add(List.copyOf(prefix));
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                prefix.add(name);
                collectPaths(node.get(name), prefix, out);
                prefix.remove(prefix.size() - 1);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                prefix.add(i);
                collectPaths(node.get(i), prefix, out);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set((Integer) last, value);
        }
    }

    private String duplicateKey(String valid) {
        if (valid.startsWith("{\"")) {
            int colon = valid.indexOf("\":");
            String key = valid.substring(1, colon + 1);
            return "{" + key + ":\"first\"," + valid.substring(1);
        }
        return "{\"text\":\"a\",\"text\":\"a\"}";
    }

    private static String withField(JsonNode plausible, String name, String rawValue) {
        if (!plausible.isObject()) {
            return "{\"" + name + "\":" + rawValue + "}";
        }
        String body = plausible.toString();
        return body.length() <= 2 ? "{\"" + name + "\":" + rawValue + "}"
                : "{\"" + name + "\":" + rawValue + "," + body.substring(1);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
