import unicodedata as u
def ranges(pred):
    out=[];start=None
    for cp in range(0x110000):
        if 0xD800<=cp<=0xDFFF: ok=False
        else: ok=pred(chr(cp))
        if ok and start is None: start=cp
        if not ok and start is not None: out.append((start,cp-1)); start=None
    if start is not None: out.append((start,0x10FFFF))
    return out
def wide(c):
    cp=ord(c)
    if u.east_asian_width(c) in ('W','F'): return True
    # unassigned planes 2 and 3 are wide by convention
    if 0x20000<=cp<=0x3FFFD: return True
    return False
def zero(c):
    cp=ord(c)
    if cp==0xAD: return False
    if u.category(c) in ('Mn','Me','Cf'): return True
    if 0x1160<=cp<=0x11FF or 0xD7B0<=cp<=0xD7FF: return True
    if cp==0x200B: return True
    return False
w=ranges(wide); z=ranges(lambda c: zero(c) and not wide(c))
def emit(name,rs):
    s="    static let %s: [UInt32] = [\n"%name
    items=["0x%X, 0x%X"%r for r in rs]
    for i in range(0,len(items),6): s+="        "+", ".join(items[i:i+6])+",\n"
    return s+"    ]\n"
print("// Generated from the Unicode %s character database (EastAsianWidth W/F; categories Mn, Me, Cf)."%u.unidata_version)
print("// Regenerate with benchmarks/render/gen_width_table.py if Unicode moves on; do not edit by hand.")
print("enum WidthTable {")
print("    /// Inclusive scalar ranges, flattened as start, end pairs, that take two columns.")
print(emit("wide",w))
print("    /// Inclusive scalar ranges, flattened as start, end pairs, that take no column.")
print(emit("zero",z))
print("}")
