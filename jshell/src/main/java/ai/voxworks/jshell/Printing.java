package ai.voxworks.jshell;

import java.util.Locale;

/**
 * {@code print}, {@code println} and {@code printf} as top-level functions, the overloads of
 * JShell's {@code PRINTING} start-up, to {@code System.out}. {@code voxworks.jsh} imports them
 * ({@code import static ai.voxworks.jshell.Printing.*}): one import instead of JShell compiling 21
 * snippets at every start. One difference: a method you declare named {@code println} hides all
 * of these {@code println}s, where it would replace only the overload it matches in {@code PRINTING}.
 */
public final class Printing {

    private Printing() {
    }

    /** Prints {@code b}. */
    public static void print(boolean b) {
        System.out.print(b);
    }

    /** Prints {@code c}. */
    public static void print(char c) {
        System.out.print(c);
    }

    /** Prints {@code i}. */
    public static void print(int i) {
        System.out.print(i);
    }

    /** Prints {@code l}. */
    public static void print(long l) {
        System.out.print(l);
    }

    /** Prints {@code f}. */
    public static void print(float f) {
        System.out.print(f);
    }

    /** Prints {@code d}. */
    public static void print(double d) {
        System.out.print(d);
    }

    /** Prints {@code s}. */
    public static void print(char[] s) {
        System.out.print(s);
    }

    /** Prints {@code s}. */
    public static void print(String s) {
        System.out.print(s);
    }

    /** Prints {@code obj}. */
    public static void print(Object obj) {
        System.out.print(obj);
    }

    /** Ends the line. */
    public static void println() {
        System.out.println();
    }

    /** Prints {@code b} and ends the line. */
    public static void println(boolean b) {
        System.out.println(b);
    }

    /** Prints {@code c} and ends the line. */
    public static void println(char c) {
        System.out.println(c);
    }

    /** Prints {@code i} and ends the line. */
    public static void println(int i) {
        System.out.println(i);
    }

    /** Prints {@code l} and ends the line. */
    public static void println(long l) {
        System.out.println(l);
    }

    /** Prints {@code f} and ends the line. */
    public static void println(float f) {
        System.out.println(f);
    }

    /** Prints {@code d} and ends the line. */
    public static void println(double d) {
        System.out.println(d);
    }

    /** Prints {@code s} and ends the line. */
    public static void println(char[] s) {
        System.out.println(s);
    }

    /** Prints {@code s} and ends the line. */
    public static void println(String s) {
        System.out.println(s);
    }

    /** Prints {@code obj} and ends the line. */
    public static void println(Object obj) {
        System.out.println(obj);
    }

    /** Prints {@code args} formatted by {@code format} in locale {@code l}, as {@link java.io.PrintStream#printf(Locale, String, Object...)}. */
    public static void printf(Locale l, String format, Object... args) {
        System.out.printf(l, format, args);
    }

    /** Prints {@code args} formatted by {@code format}, as {@link java.io.PrintStream#printf(String, Object...)}. */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }
}
