// Plain JShell syntax, as `jshell FILE` reads it. The first line is the issue's: no semicolon.
call("call_nw_1001")
var c = call("call_nw_1004")
System.out.println("status " + c.status() + ", ended " + c.endTime())
int a = 1; int b = 2
System.out.println(a + b)

/* a block
   comment */
/** A doc comment before a method. */
int twice(int x) {
    return 2 * x;
}
// A line that is complete without its semicolon ends the snippet: continue with a trailing dot.
String joined = List.of("x", "y").stream().
    map(s -> s.toUpperCase()).
    collect(Collectors.joining(","))
println(joined + " " + twice(21))
record Point(int x, int y) { }
var p = new Point(1, 2)
System.out.println(p)
String text = """
    multi
    line
    """
print(text)
for (int i = 0; i < 3; i++) {
    System.out.print(i);
}
println()
int later() { return earlier() + 1; }
int earlier() { return 41; }
println(later())
int twice(int x) { return x + x + 0; }
println(twice(4))
System.err.println("to standard error")
List raw = new ArrayList(); raw.add(1)
println(raw)
find("completed").forEach(id -> println(id))
/exit
