namespace Reconciler.Core.Tests.Loading;

/// <summary>Hand-written YAML for the fast loader: what it must read (exactly as the full loader), and what it must decline.</summary>
internal static class FastYamlCases
{
    public static TheoryData<string> Accepted() => Data(AcceptedTexts);

    public static TheoryData<string> Declined() => Data(DeclinedTexts);

    /// <summary>What the fast loader must read exactly as the full loader does.</summary>
    public static readonly string[] AcceptedTexts =
    [
        "a: 1\n",
        "a: 1",
        "",
        "\n\n",
        "# only a comment\n",
        "---\n",
        "---\n---\n",
        "\uFEFFa: 1\n",
        "# c\na: 1 # c\n   # c\nb:   x   # c\n\n\nc: 'y'  # c\n",
        "a:\n- 1\n- 2\nb: 3\n",
        "a:\n  b:\n    - x: 1\n      y: 2\n    - [1, 2]\n    - {c: d}\n    - 'q'\n  e: f\n",
        "a:\n  -   x: 1\n      y: 2\n  -  z\n",
        "a:\n  -\n    x: 1\n  -   # c\n    - 2\n",
        "a:\n- b:\n  - 1\n  c: 2\n",
        "\"a b\": 'c d'\n'e': \"f\"\ng: 'it''s'\nh: ''\ni: \"\"\nj: '#'\n",
        "a: 010\nb: 0o17\nc: 0x1F\nd: 1e3\ne: -0\nf: +5\ng: .5\nh: 09:00\ni: yes\nj: no\nk: on\nl: null\nm: ~\nn: True\no: \"123\"\np: 215870475195883520\nq: 1.50\nr: -.5e-3\ns: FALSE\nt: 0.\nu: 00012\nv: 1_000\nw: 0b101\nx: 2026-01-01\ny: nulls\nz: +.5\n",
        "a: [010, 0o17, 0x1F, 1e3, -0, +5, .5, 09, yes, null, ~, NULL, Null, true, TRUE, false, False, 1.5e+3, -12, 0o8, 0xG, 1e, .]\n",
        "a: -00\nb: +0\nc: 0\nd: -1\ne: 99999999999999999999999999999999\nf: -9007199254740993\n",
        "名称: 杭州 # 注释\n列表: [杭州, 宁波, {城市: 温州, 编号: 3}]\n备注: 第1号任务，由基准测试生成（中文说明）\n",
        "a: [😀, {b: 😀x}]\n😀: 1\nc: \"😀\"\nd: {e: '😀😀', f: 1}\n",
        "a: 1\n---\nb: 2\n",
        "---\na: 1\n---\n---\nb: 2\n",
        "--- # c\na: 1\n---   \nb: [1]\n",
        "a: 1   \nb: [1]  \nc: {d: 2}   # c\n",
        "1: a\ntrue: b\nnull: c\n\"\": d\n'x/y': e\n\"t~n\": f\n~: g\n\"<<\": h\n",
        "a: b:c\nb: x#y\nc: a, b\nd: x]y\ne: http://x.com/a?b=c#d\nf: -x\ng: a - b\nh: a:b:c\ni: '---'\nj: x --- y\nk: \"a: b\"\nl: a ' b\nm: a \" b\n",
        "a: [ 1 , 2 ]\nb: {  }\nc: []\nd: [[], {}]\ne: {a: [1, {b: 2}]}\nf: [ 'x' , \"y\" ]\ng: {\"k\": 'v', 'k2': \"v2\"}\n",
        "a: {destination_extension: \"9007199254740993\", x: 9007199254740993, y: [9007199254740993]}\n",
        "a:\n  b:\n    c:\n      d:\n        e:\n          f: [[[[1]]]]\n",
        "key with spaces: value with spaces\nk: v\n",
        "a:\n  - {begin: \"09:00\", end: \"12:00\", destination_extension: 1000}\n  - {mode: 0, values: [杭州, 宁波], sort: 1}\n",
        "a:    \n  b: 1\n",
        "a:\n\n  b: 1\n\n  c: 2\n\n",
        "a:\n  # c\n  b: 1\n# c\nc: 2\n",
        "a: 'x''y''''z'\nb: ['a''b', 'c']\n",
        "a: x\n---\n# only a comment\n---\nb: y\n",
        "a: -\u4e2d\nb: --x\nc: -.5\nd: -.inf2\n",
    ];

    /// <summary>A flow list of 3,000 maps: read as the others are, but compared pointer by pointer it takes a minute, so it runs in the slow set.</summary>
    public static readonly string LongFlowList = "a: [" + string.Join(", ", Enumerable.Range(0, 3000).Select(i => $"{{b: 杭州{i}, c: {i}}}")) + "]\n";

    /// <summary>What the fast loader must leave to the full loader (an error, or a construct it does not read).</summary>
    public static readonly string[] DeclinedTexts =
    [
        "a: &x 1\nb: *x\n",
        "a: &a {x: 1}\nb:\n  <<: *a\n",
        "a: !!str 1\n",
        "a: |\n  x\n",
        "a: >\n  x\n",
        "a: b\n  c\n",
        "a: [1,\n  2]\n",
        "a: \"x\\ny\"\n",
        "a:\nb: 1\n",
        "a:\t1\n",
        "a: 1\r\nb: 2\r\n",
        "a: 1\rb: 2\n",
        "a: 1\na: 2\n",
        "a: {b: 1, b: 2}\n",
        "\"a\": 1\na: 2\n",
        "- a\n",
        "a\n",
        "[a]\n",
        "{a: 1}\n",
        "a: 1\n...\n",
        "a:\n  - - 1\n",
        "%YAML 1.2\n---\na: 1\n",
        "? a\n: b\n",
        "a: .inf\n",
        "a: -.INF\n",
        "a: .nan\n",
        "a: x\0y\n",
        "a: x\u0085y\n",
        "a: x\u2028y\n",
        "a: [1, 2\n",
        "a: b: c\n",
        "a:\n  b: 1\n c: 2\n",
        "  a: 1\nb: 2\n",
        "a: 1\n  b: 2\n",
        "a: 1\n- b\n",
        "a:\n  - 1\n  b: 2\n",
        "a: - b\n",
        "a: [1, 2,]\n",
        "a: [1, , 2]\n",
        "a: {b: }\n",
        "a: {b}\n",
        "a: [b: 1]\n",
        "a: [1] x\n",
        "a: 'x' y\n",
        "a: \"x\n",
        "a :1\n",
        "a : 1\n",
        "a:1\n",
        "--- a: 1\n",
        "a: 1 #c\nb: 2 # ok\n\u000b",
        "a: @x\n",
        "a: `x\n",
        "a: %x\n",
        "a: ?x\n",
        "a: :x\n",
        "-a: 1\n",
        "a: [#x]\n",
        "a: [x #y]\n",
        "a: {b: c #d}\n",
        "a: 'b''\n",
        "'a''b': 1\n",
        "a: [x:y]\n",
        new string('k', 1001) + ": 1\n",
        "a: [" + string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70)) + "]\n",
        "a: 1\n\uFEFFb: 2\n",
    ];

    private static TheoryData<string> Data(IEnumerable<string> texts)
    {
        var data = new TheoryData<string>();
        foreach (var text in texts)
        {
            data.Add(text);
        }

        return data;
    }
}
