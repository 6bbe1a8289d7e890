// JShell commands in a script, as `jshell FILE` runs them.
int counter = 3
String greeting = "hello"
void hi() { println(greeting); }
/vars
/methods
/imports
/types
record Pair(String left, String right) { }
/types
/open lib/values.jsh
println(libValue() + counter)
/drop counter
/vars
/list
/exit 3
