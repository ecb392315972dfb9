$version: "2"
namespace ex

@documentation("""text on the opening line
    """)
string Name
