package io.mocplatform.imageapi.domain;

/**
 * One field of a merge patch: left as it is, removed (JSON {@code null}), or set to a new value. Three states,
 * because "absent" and "null" mean different things in a merge patch.
 */
public sealed interface Change<T> {

    /** Leave the field unchanged. */
    @SuppressWarnings("unchecked")
    static <T> Change<T> keep() {
        return (Change<T>) Keep.INSTANCE;
    }

    /** Remove the field. */
    @SuppressWarnings("unchecked")
    static <T> Change<T> remove() {
        return (Change<T>) Remove.INSTANCE;
    }

    /** Set the field. */
    static <T> Change<T> set(T value) {
        return new SetTo<>(java.util.Objects.requireNonNull(value, "value"));
    }

    /** The field's value after the change. */
    T applyTo(T current);

    /** Leave the field unchanged. */
    enum Keep implements Change<Object> {
        INSTANCE;

        @Override
        public Object applyTo(Object current) {
            return current;
        }
    }

    /** Remove the field. */
    enum Remove implements Change<Object> {
        INSTANCE;

        @Override
        public Object applyTo(Object current) {
            return null;
        }
    }

    /** Set the field to {@code value}. */
    record SetTo<T>(T value) implements Change<T> {
        @Override
        public T applyTo(T current) {
            return value;
        }
    }
}
