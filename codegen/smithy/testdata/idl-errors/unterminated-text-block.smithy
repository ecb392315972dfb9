$version: "2"
namespace ex

@documentation("""
    Starts fine
    but never ends.
string Name
