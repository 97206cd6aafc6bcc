package dev.restfault.spring.testapp;

/** A {@code @ModelAttribute} bound from query parameters; {@code page} must be an int. */
public class Paging {

    private int page;

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
