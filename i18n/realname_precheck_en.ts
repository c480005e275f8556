<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>Findings (%n)</source>
        <translation>
            <numerusform>Findings (%n)</numerusform>
            <numerusform>Findings (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScanCard</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more reply(s) in the findings list</source>
        <translation>
            <numerusform>%n more reply in the findings list</numerusform>
            <numerusform>%n more replies in the findings list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) could not be read</source>
        <translation>
            <numerusform>%n scan could not be read</numerusform>
            <numerusform>%n scans could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n scan(s)…</source>
        <translation>
            <numerusform>Reading %n scan…</numerusform>
            <numerusform>Reading %n scans…</numerusform>
        </translation>
    </message>
</context>
</TS>
