// JShell commands in a script, as `jshell FILE` runs them. Feedback modes exist only once the
// prompt starts, so jshell reports the /set feedback line as an error and goes on.
/set feedback concise
/set indent 2
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
