package io.mocplatform.processor.adapters.gemini;

/** Supplies the Gemini API key; the production source reads it from SSM (cached for a few minutes). */
@FunctionalInterface
public interface ApiKeySource {

    String apiKey();
}
