namespace IsolationBench.Reporting.Output.Document;

/// <summary>One block of a report document; each renderer (<see cref="MarkdownRenderer"/>, <see cref="HtmlRenderer"/>) walks the same list.</summary>
public abstract record Block
{
    /// <summary>In HTML the block opens on the previous block's line (a list right after its heading); no effect in Markdown.</summary>
    public bool SameLine { get; init; }
}

/// <param name="Anchor">the HTML id (a link target), null for none.</param>
public sealed record Heading(int Level, string Text, string? Anchor = null) : Block;

public sealed record Paragraph(string Text) : Block
{
    /// <summary>The HTML class; null for none.</summary>
    public string? CssClass { get; init; }
}

/// <param name="Lazy">HTML loads it when scrolled to (every chart but the overview).</param>
public sealed record Image(string Name, bool Lazy) : Block;

public sealed record ListItem(IReadOnlyList<Inline> Content)
{
    /// <summary>The HTML class of the item (a finding that needs attention); null for none.</summary>
    public string? CssClass { get; init; }

    public static ListItem Of(params Inline[] content) => new(content);
}

public sealed record ItemList(IReadOnlyList<ListItem> Items) : Block
{
    public string? CssClass { get; init; }

    /// <summary>The items are written in Markdown already (the run's notes): Markdown takes them as they are.</summary>
    public bool Verbatim { get; init; }
}

/// <summary>A warning set apart from the text.</summary>
public sealed record Callout(IReadOnlyList<Inline> Content) : Block;

/// <summary>A two-column table of names and values without a header (the environment).</summary>
public sealed record KeyValueTable(IReadOnlyList<(string Key, string Value)> Rows, string CssClass) : Block;

/// <summary>A table whose first column is text and the others figures; no caption when null.</summary>
public sealed record Table(string? Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

/// <summary>Text already in the target format, for one format only (see <see cref="Only"/>).</summary>
public sealed record Raw(string Text) : Block;

/// <summary>A block one format shows and the other does not (Markdown's "Warnings" heading, the page's footer links).</summary>
public sealed record Only(DocumentFormat Format, Block Block) : Block;

public enum DocumentFormat
{
    Markdown,
    Html,
}

/// <summary>The whole report as blocks: report.md and index.html are two renderings of it.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<Block> Blocks);
