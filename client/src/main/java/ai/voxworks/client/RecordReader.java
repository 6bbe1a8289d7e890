package ai.voxworks.client;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one JSON object into a record, in one pass, by a table built once from the record's
 * components: the record is the only list of fields. A component {@code fooBar} reads the JSON
 * field {@code foo_bar} by its Java type ({@code String}: a string, {@code OffsetDateTime}: a
 * date-time string, {@code Long}: an integer, {@code Map}: an object, {@code List}: an array, of
 * objects when it is a {@code List<Map<...>>}); {@code null} is always accepted. Two components
 * are not fields: {@code extra} gets every other field by JSON name, {@code json} the object's
 * exact text.
 *
 * <p>Wrong JSON types throw {@link IllegalArgumentException}, a bad date-time
 * {@link java.time.format.DateTimeParseException}, malformed JSON Jackson's exception.
 *
 * <p>Why by hand and not with Jackson's databind: the client depends on {@code jackson-core} alone.
 * Databind needs {@code jackson-annotations} of its own line (2.20+ for Jackson 3), and the
 * dependency management of the builds Java teams have pins those elsewhere (Spring Boot 3.5: 2.19),
 * which breaks databind at run time; the streaming parser has no such dependency. This class and
 * {@link JsonValues} are what that costs: one table per record, no annotations.
 */
final class RecordReader<R extends Record> {

    /** How a JSON value is read for one Java type. */
    private enum Kind {
        TEXT, DATE_TIME, INTEGER, OBJECT, ARRAY, ARRAY_OF_OBJECTS;

        static Kind of(RecordComponent component) {
            Class<?> type = component.getType();
            if (type == String.class) {
                return TEXT;
            } else if (type == OffsetDateTime.class) {
                return DATE_TIME;
            } else if (type == Long.class) {
                return INTEGER;
            } else if (type == Map.class) {
                return OBJECT;
            } else if (type == List.class) {
                Type generic = component.getGenericType();
                boolean ofMaps = generic instanceof ParameterizedType list
                        && list.getActualTypeArguments()[0] instanceof ParameterizedType element
                        && element.getRawType() == Map.class;
                return ofMaps ? ARRAY_OF_OBJECTS : ARRAY;
            }
            throw new IllegalArgumentException(component.getDeclaringRecord().getSimpleName() + "." + component.getName()
                    + " has type " + type.getSimpleName() + ", which RecordReader has no JSON reading for; add a Kind");
        }

        /** The value at the parser's current token; {@code field} names it in errors. */
        Object read(JsonParser parser, String field) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            return switch (this) {
                case TEXT -> expect(parser, field, token == JsonToken.VALUE_STRING, "a string").getString();
                case DATE_TIME -> OffsetDateTime.parse(expect(parser, field, token == JsonToken.VALUE_STRING,
                        "a date-time string").getString());
                case INTEGER -> expect(parser, field, token == JsonToken.VALUE_NUMBER_INT
                        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER, "an integer").getLongValue();
                case OBJECT -> JsonValues.read(expect(parser, field, token == JsonToken.START_OBJECT, "an object"));
                case ARRAY -> JsonValues.read(expect(parser, field, token == JsonToken.START_ARRAY, "an array"));
                case ARRAY_OF_OBJECTS -> {
                    List<?> array = (List<?>) ARRAY.read(parser, field);
                    if (!array.stream().allMatch(e -> e == null || e instanceof Map)) {
                        throw new IllegalArgumentException(field + " should be an array of objects");
                    }
                    yield array;
                }
            };
        }

        private static JsonParser expect(JsonParser parser, String field, boolean ok, String what) {
            if (!ok) {
                String found = parser.currentToken().isScalarValue() ? parser.getText()
                        : parser.currentToken() == JsonToken.START_OBJECT ? "an object" : "an array";
                throw new IllegalArgumentException(field + " should be " + what + ", not "
                        + (parser.currentToken() == JsonToken.VALUE_STRING ? "\"" + found + "\"" : found));
            }
            return parser;
        }
    }

    /** A documented field: where its value goes among the constructor's arguments, and how to read it. */
    private record Field(int index, Kind kind) {
    }

    private final Map<String, Field> fields;
    private final int extraIndex;
    private final int jsonIndex;
    private final int arity;
    private final MethodHandle constructor;

    private RecordReader(Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, Field> byName = new LinkedHashMap<>();
        int extra = -1;
        int json = -1;
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            switch (c.getName()) {
                case "extra" -> extra = require(c, Map.class, i);
                case "json" -> json = require(c, String.class, i);
                default -> byName.put(jsonName(c.getName()), new Field(i, Kind.of(c)));
            }
        }
        if (extra < 0 || json < 0) {
            throw new IllegalArgumentException(type.getSimpleName() + " needs the components extra and json");
        }
        this.fields = Collections.unmodifiableMap(byName);
        this.extraIndex = extra;
        this.jsonIndex = json;
        this.arity = components.length;
        try {
            this.constructor = MethodHandles.lookup().unreflectConstructor(type.getDeclaredConstructor(types))
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName(), e);
        }
    }

    /** The table for {@code type}, built once: keep it in a constant. */
    static <R extends Record> RecordReader<R> of(Class<R> type) {
        return new RecordReader<>(type);
    }

    /** {@code structuredData} → {@code structured_data}. */
    static String jsonName(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The JSON names of the documented fields, in component order. */
    Set<String> fieldNames() {
        return fields.keySet();
    }

    /**
     * Reads the object starting at the parser's current token ({@code START_OBJECT}) to its end.
     * {@code body} is the whole input the parser reads, for {@code json}.
     */
    @SuppressWarnings("unchecked")
    R read(JsonParser parser, byte[] body) {
        int start = (int) parser.currentTokenLocation().getByteOffset();
        Object[] args = new Object[arity];
        Map<String, Object> extra = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            Field field = fields.get(name);
            if (field == null) {
                extra.put(name, JsonValues.read(parser));
            } else {
                args[field.index()] = field.kind().read(parser, name);
            }
        }
        int end = (int) parser.currentLocation().getByteOffset();
        args[extraIndex] = extra;
        args[jsonIndex] = new String(body, start, end - start, StandardCharsets.UTF_8);
        try {
            return (R) (Object) constructor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static int require(RecordComponent component, Class<?> type, int index) {
        if (component.getType() != type) {
            throw new IllegalArgumentException(component.getName() + " must be a " + type.getSimpleName());
        }
        return index;
    }
}
