namespace SecretsPS.HelpCompiler.Markdown;

public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Fence,
}
