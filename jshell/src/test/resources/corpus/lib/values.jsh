// Opened by commands.jsh with /open (not a script of the corpus itself).
int libValue() {
    return 7;
}
println("lib loaded")
