package io.cryptobot.app.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.cryptobot.kernel.domain.Text;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.vavr.control.Option;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every JSON string a request carries, values and object keys, in every context, passes the kernel {@link Text}
 * policy before any code sees it: a NUL, a control, a bidi override, a zero-width character or a lone surrogate in
 * any field (also one the endpoint ignores) is a 400 naming the field, never a 500 from PostgreSQL. Contexts still
 * apply {@link Text} themselves for what it adds to names and reasons (NFC, length).
 */
@Singleton
class SafeTextInJson implements ObjectMapperCustomizer {

    /** A string the text policy refuses; the mapper names its JSON path. */
    static final class UnsafeText extends JsonMappingException {
        final String reason;

        UnsafeText(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("safe-text");
        module.addDeserializer(String.class, new SafeStrings());
        module.addKeyDeserializer(String.class, new SafeKeys());
        mapper.registerModule(module);
    }

    static String checked(JsonParser parser, String text) throws UnsafeText {
        Option<String> refusal = Text.refusal(text);
        if (refusal.isDefined()) {
            throw new UnsafeText(parser, refusal.get());
        }
        return text;
    }

    private static final class SafeStrings extends StdScalarDeserializer<String> {
        SafeStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(parser, StringDeserializer.instance.deserialize(parser, context));
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public String getNullValue(DeserializationContext context) {
            return null;
        }
    }

    private static final class SafeKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(context.getParser(), key);
        }
    }
}
