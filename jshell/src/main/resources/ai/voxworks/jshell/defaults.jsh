// What jshell's DEFAULT and PRINTING startups give an interactive session, for scripts too.
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.prefs.*;
import java.util.regex.*;
import java.util.stream.*;
void print(Object o) { System.out.print(o); }
void println(Object o) { System.out.println(o); }
void println() { System.out.println(); }
void printf(String format, Object... args) { System.out.printf(format, args); }
