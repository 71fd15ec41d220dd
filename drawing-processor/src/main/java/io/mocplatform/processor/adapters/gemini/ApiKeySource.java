package io.mocplatform.processor.adapters.gemini;

/** Supplies the Gemini API key; the production source reads it from SSM once per container. */
@FunctionalInterface
public interface ApiKeySource {

    String apiKey();
}
