package dev.restfault.spring.testapp;

/** An application exception that an {@link dev.restfault.server.ExceptionTranslator} bean maps. */
public class ItemLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String itemId;

    public ItemLockedException(String itemId) {
        super("item " + itemId + " is locked by batch job 17", null, false, false);
        this.itemId = itemId;
    }

    public String itemId() {
        return itemId;
    }
}
