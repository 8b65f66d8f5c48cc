namespace SecretsPS.HelpCompiler.Tests;

/// <summary>Pages in the exact shape platyPS 0.14 writes (help-format.md §1.2).</summary>
internal static class SamplePages
{
    public const string Greeting = """
---
external help file: Demo.Help.dll-Help.xml
Module Name: Demo.Help
online version: https://example.invalid/docs/Get-Greeting.md
schema: 2.0.0
---

# Get-Greeting

## SYNOPSIS
Returns a greeting for each name.

## SYNTAX

### ByName (Default)
```
Get-Greeting [-Name] <String[]> [[-Salutation] <String>] [<CommonParameters>]
```

### Everyone
```
Get-Greeting [[-Salutation] <String>] -Everyone [<CommonParameters>]
```

## DESCRIPTION
The **Get-Greeting** cmdlet writes one greeting string
per input name.

Second paragraph with an escaped \<value\> and a [link](Get-Other.md).

## EXAMPLES

### Example 1: Greet two people
```powershell
# Greets both; this comment must stay code
Get-Greeting -Name Ann, Bob
```

Writes two greeting strings.

### Example 2: Everyone
Before the code.

```powershell
Get-Greeting -Everyone
```

Greets everybody.

## PARAMETERS

### -Everyone
Greets everybody instead of specific names.

```yaml
Type: SwitchParameter
Parameter Sets: Everyone
Aliases:

Required: True
Position: Named
Default value: False
Accept pipeline input: False
Accept wildcard characters: False
```

### -Name
One or more names to greet.

```yaml
Type: String[]
Parameter Sets: ByName
Aliases: N

Required: True
Position: 0
Default value: None
Accept pipeline input: True (ByPropertyName, ByValue)
Accept wildcard characters: True
```

### -Salutation
The word placed before each name.

```yaml
Type: String
Parameter Sets: (All)
Aliases:
Accepted values: Hello, Hi

Required: False
Position: 1
Default value: Hello
Accept pipeline input: False
Accept wildcard characters: False
```

### CommonParameters
This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -Verbose, -WarningAction, and -WarningVariable. For more information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).

## INPUTS

### System.String[]
Names can be piped to this cmdlet.

## OUTPUTS

### System.String
One greeting string per name.

## NOTES
A note.

## RELATED LINKS

[about_Demo.Help](about_Demo.Help.md)

[Project](https://example.invalid/project)
""";

    public const string About = """
# about_Demo

## about_Demo

# SHORT DESCRIPTION
Explains the demo module.

# LONG DESCRIPTION
The demo module greets people. This sentence is long enough that the converter has to wrap it onto a second line of the help text.

## Pipelines

- First item of a list.
- Second item.

```powershell
# a comment inside code, not a heading
Get-Greeting -Name Ann
```

# SEE ALSO
Get-Greeting
""";

    public const string ModulePage = """
---
Module Name: Demo.Help
Module Guid: 5f0d7d6e-3c2b-4a51-9f5e-2b8f9c1a7e41
Download Help Link: https://example.invalid
Help Version: 0.1.0
Locale: en-US
---

# Demo.Help Module
## Description
Greets people.

## Demo.Help Cmdlets
### [Get-Greeting](Get-Greeting.md)
Returns a greeting for each name.
""";
}
