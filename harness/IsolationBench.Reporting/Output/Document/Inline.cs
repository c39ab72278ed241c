namespace IsolationBench.Reporting.Output.Document;

/// <summary>A run of text inside a list item or a callout: plain, bold, or code.</summary>
public sealed record Inline(string Text, InlineStyle Style = InlineStyle.Plain)
{
    public static Inline Bold(string text) => new(text, InlineStyle.Bold);

    public static Inline Code(string text) => new(text, InlineStyle.Code);

    public static implicit operator Inline(string text) => new(text);

    public static Inline FromString(string text) => new(text);
}

public enum InlineStyle
{
    Plain,
    Bold,
    Code,
}
