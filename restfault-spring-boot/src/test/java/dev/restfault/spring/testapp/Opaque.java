package dev.restfault.spring.testapp;

/** A parameter type with no String conversion: binding a request parameter to it is a server bug. */
public record Opaque(int a, int b) {
}
