<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside the app. Your record and scans are still open: save them before you do anything else. Please send the report below to support.</source>
        <translation>程序内部出现了问题。您填写的信息和证件图片仍然保留着：请先保存，再进行其他操作。请把下面的报告发送给技术支持。</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>错误报告</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>FindingRow</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Registry would reply: “%1”</source>
        <translation>注册局会回复：“%1”</translation>
    </message>
    <message>
        <source>May lead to: “%1”</source>
        <translation>可能导致：“%1”</translation>
    </message>
    <message>
        <source>Apply fix: %1</source>
        <translation>一键修正为：%1</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>Findings (%n)</source>
        <translation>
            <numerusform>发现的问题（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the registrant&apos;s details or open a record; drop the scans above.</source>
        <translation>请填写持有者信息或打开记录文件，并把证件图片拖到上方。</translation>
    </message>
    <message>
        <source>No findings: every field passes the checks.</source>
        <translation>未发现问题：所有字段均通过检查。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New record</source>
        <translation>新记录</translation>
    </message>
    <message>
        <source>Folder for converted scans</source>
        <translation>转换后图片的保存文件夹</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>%1 %2
Checks CNNIC real-name submissions on this computer, offline.</source>
        <translation>%1 %2
在本机离线预检 CNNIC 实名认证资料。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;New record</source>
        <translation>新建记录(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open record…</source>
        <translation>打开记录(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;portfolio (sheet, folder, registrar export)…</source>
        <translation>打开客户资料批量检查(&amp;P)（表格、文件夹、注册商导出）…</translation>
    </message>
    <message>
        <source>Open portfolio &amp;folder (records)…</source>
        <translation>打开客户资料文件夹(&amp;F)（记录）…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Report as &amp;HTML…</source>
        <translation>导出为 &amp;HTML 报告…</translation>
    </message>
    <message>
        <source>Report as &amp;PDF…</source>
        <translation>导出为 &amp;PDF 报告…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Add scans…</source>
        <translation>添加证件图片(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Paste scan from clipboard</source>
        <translation>从剪贴板粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Read from scans: fill empty fields…</source>
        <translation>从证件图片识别填写空白项(&amp;R)…</translation>
    </message>
    <message>
        <source>Save converted scans &amp;in a folder…</source>
        <translation>转换后的图片保存到指定文件夹(&amp;I)…</translation>
    </message>
    <message>
        <source>Save converted scans &amp;next to the original</source>
        <translation>转换后的图片保存在原图旁边(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export report</source>
        <translation>导出报告(&amp;E)</translation>
    </message>
    <message>
        <source>S&amp;cans</source>
        <translation>证件图片(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge front and back</source>
        <translation>合并正反面</translation>
    </message>
    <message>
        <source>Swap front and back</source>
        <translation>交换正反面</translation>
    </message>
    <message>
        <source>Write merged copy</source>
        <translation>写入合并后的副本</translation>
    </message>
    <message>
        <source>Front (top)</source>
        <translation>正面（上）</translation>
    </message>
    <message>
        <source>Back (bottom)</source>
        <translation>反面（下）</translation>
    </message>
    <message>
        <source>Choose two different scans: the front and the back.</source>
        <translation>请选择两张不同的图片：正面和反面。</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <source>Checking which way up each side is…</source>
        <translation>正在检查每一面的方向…</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>反面</translation>
    </message>
    <message>
        <source>Will be written as %1</source>
        <translation>将写入为 %1</translation>
    </message>
    <message>
        <source>%1: orientation not checked (no scan reading installed).</source>
        <translation>%1：未安装扫描件识别，未检查方向。</translation>
    </message>
    <message>
        <source>%1: turned %2° counter-clockwise, as its text reads.</source>
        <translation>%1：已按文字方向逆时针旋转 %2°。</translation>
    </message>
    <message>
        <source>%1: not turned (reads upright, or which way up is not certain).</source>
        <translation>%1：未旋转（文字已是正向，或无法确定正向）。</translation>
    </message>
    <message>
        <source>Cannot merge: %1</source>
        <translation>无法合并：%1</translation>
    </message>
    <message>
        <source>Writing the merged copy…</source>
        <translation>正在写入合并后的副本…</translation>
    </message>
    <message>
        <source>Replace the merged copy?</source>
        <translation>替换合并后的副本？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在，要替换吗？</translation>
    </message>
</context>
<context>
    <name>PortfolioMixin</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>PortfolioModel</name>
    <message>
        <source>Would be rejected</source>
        <translation>会被拒绝</translation>
    </message>
    <message>
        <source>Check warnings</source>
        <translation>请核对警告</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>可以提交</translation>
    </message>
    <message>
        <source>failed at registrar</source>
        <translation>注册商显示认证失败</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>问题代码</translation>
    </message>
</context>
<context>
    <name>PortfolioWindow</name>
    <message>
        <source>Portfolio</source>
        <translation>客户资料批量检查</translation>
    </message>
    <message>
        <source>Open portfolio…</source>
        <translation>打开客户资料…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open portfolio (sheet, registrar export)…</source>
        <translation>打开客户资料(&amp;O)（表格、注册商导出）…</translation>
    </message>
    <message>
        <source>Open portfolio &amp;folder (records)…</source>
        <translation>打开客户资料文件夹(&amp;F)（记录）…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Convert all scans…</source>
        <translation>转换全部证件图片…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Annotated sheet (.xlsx)…</source>
        <translation>标注后的表格（.xlsx）…</translation>
    </message>
    <message>
        <source>Report (.html)…</source>
        <translation>报告（.html）…</translation>
    </message>
    <message>
        <source>Report (.pdf)…</source>
        <translation>报告（.pdf）…</translation>
    </message>
    <message>
        <source>Records with safe fixes (.csv)…</source>
        <translation>应用安全修正后的记录（.csv）…</translation>
    </message>
    <message>
        <source>All verdicts</source>
        <translation>全部结论</translation>
    </message>
    <message>
        <source>Would be rejected</source>
        <translation>会被拒绝</translation>
    </message>
    <message>
        <source>Check warnings</source>
        <translation>请核对警告</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>可以提交</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>全部问题代码</translation>
    </message>
    <message>
        <source>%1 of %2 records</source>
        <translation>显示 %1 / 共 %2 条记录</translation>
    </message>
    <message>
        <source>Open portfolio</source>
        <translation>打开客户资料</translation>
    </message>
    <message>
        <source>Sheets and registrar exports (%1);;All files (*)</source>
        <translation>表格和注册商导出文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a folder of records</source>
        <translation>打开记录文件夹</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cannot open the portfolio</source>
        <translation>无法打开客户资料</translation>
    </message>
    <message>
        <source>Not a record</source>
        <translation>不是有效记录</translation>
    </message>
    <message>
        <source>Save the converted scans in</source>
        <translation>转换后的图片保存到</translation>
    </message>
    <message>
        <source>No record of this portfolio lists a scan file.</source>
        <translation>这些记录都没有列出证件图片文件。</translation>
    </message>
    <message>
        <source>Convert all scans</source>
        <translation>转换全部证件图片</translation>
    </message>
    <message>
        <source>%1 scans converted, %2 could not be converted.</source>
        <translation>已转换 %1 张图片，%2 张无法转换。</translation>
    </message>
    <message>
        <source>Cancelled: %1 scans were not started (nothing written for them).</source>
        <translation>已取消：%1 张图片未开始转换（未写入任何文件）。</translation>
    </message>
    <message>
        <source>Choose another name: this is the portfolio itself.</source>
        <translation>请换一个文件名：这是客户资料原文件本身。</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>未导出</translation>
    </message>
</context>
<context>
    <name>RecordFilesMixin</name>
    <message>
        <source>Open record</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <source>Records (*.json);;All files (*)</source>
        <translation>记录文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 was not opened: %2</source>
        <translation>未能打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot open the record</source>
        <translation>无法打开记录</translation>
    </message>
    <message>
        <source>Save record</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>Records (*.json)</source>
        <translation>记录文件 (*.json)</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>The record has unsaved changes. Save them first?</source>
        <translation>记录有未保存的修改，要先保存吗？</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Holder</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Holder name</source>
        <translation>持有者名称</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域名</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系信息</translation>
    </message>
    <message>
        <source>Country or region code</source>
        <translation>国家或地区代码</translation>
    </message>
    <message>
        <source>Apply fix</source>
        <translation>一键修正</translation>
    </message>
    <message>
        <source>e.g. US</source>
        <translation>如 US</translation>
    </message>
    <message>
        <source>As printed on the document</source>
        <translation>与证件上的完全一致</translation>
    </message>
    <message>
        <source>English name or pinyin</source>
        <translation>英文名称或拼音</translation>
    </message>
    <message>
        <source>Exactly as printed</source>
        <translation>与证件上印的完全一致</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or 长期 (long-term)</source>
        <translation>YYYY-MM-DD，长期有效填“长期”</translation>
    </message>
    <message>
        <source>e.g. example.cn</source>
        <translation>如 example.cn</translation>
    </message>
    <message>
        <source>e.g. 86</source>
        <translation>如 86</translation>
    </message>
    <message>
        <source>Mobile or landline, without the country code</source>
        <translation>手机或座机号码，不含国家代码</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Two-letter code, e.g. CN</source>
        <translation>两位字母代码，如 CN</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>企业/组织</translation>
    </message>
    <message>
        <source>Other country or region (enter its code)</source>
        <translation>其他国家或地区（填写代码）</translation>
    </message>
    <message>
        <source>China site (aliyun.com)</source>
        <translation>中国站（aliyun.com）</translation>
    </message>
    <message>
        <source>International site (alibabacloud.com)</source>
        <translation>国际站（alibabacloud.com）</translation>
    </message>
    <message>
        <source>“%1” · Ctrl+Enter</source>
        <translation>修正为“%1” · Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>ReportExportMixin</name>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Report not written</source>
        <translation>报告未能写入</translation>
    </message>
    <message>
        <source>Report written: %1</source>
        <translation>报告已保存：%1</translation>
    </message>
</context>
<context>
    <name>ScanCard</name>
    <message>
        <source>No preview</source>
        <translation>无法预览</translation>
    </message>
    <message>
        <source>Convert to JPG</source>
        <translation>转换为 JPG</translation>
    </message>
    <message>
        <source>Convert to BMP</source>
        <translation>转换为 BMP</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove this scan from the record (the file is kept)</source>
        <translation>从记录中移除此图片（文件本身保留）</translation>
    </message>
    <message>
        <source>Straighten</source>
        <translation>拉直裁剪</translation>
    </message>
    <message>
        <source>Find the document, straighten and crop it (a copy)</source>
        <translation>找到证件，拉直并裁剪（另存副本）</translation>
    </message>
    <message>
        <source>Merge sides</source>
        <translation>合并正反面</translation>
    </message>
    <message>
        <source>Merge front and back: this scan above another one, in one copy</source>
        <translation>合并正反面：这张图片在上、另一张在下，另存为一个副本</translation>
    </message>
    <message>
        <source>Write a compliant copy; the original file is not changed</source>
        <translation>另存一份符合要求的副本，原文件不会被修改</translation>
    </message>
    <message>
        <source>✓ Ready to upload</source>
        <translation>✓ 可以上传</translation>
    </message>
    <message>
        <source>✓ Format and size OK</source>
        <translation>✓ 格式和大小合规</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Scan %1</source>
        <translation>证件图片 %1</translation>
    </message>
    <message>
        <source>Converting…</source>
        <translation>正在转换…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Not readable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>未知格式</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Meets the registry&apos;s format and size rules.</source>
        <translation>符合注册局的格式和大小要求。</translation>
    </message>
    <message>
        <source>Read from scan</source>
        <translation>识别填写</translation>
    </message>
    <message>
        <source>Fill the empty fields with what this scan shows</source>
        <translation>用这张图片上识别出的内容填写空白项</translation>
    </message>
    <message>
        <source>Reading the text on the scan…</source>
        <translation>正在识别图片上的文字…</translation>
    </message>
    <message>
        <source>The text on this scan could not be read: %1</source>
        <translation>无法识别这张图片上的文字：%1</translation>
    </message>
    <message>
        <source>Scan shows: %1</source>
        <translation>图片识别结果：%1</translation>
    </message>
    <message>
        <source>Converted from %1: %2 → %3. The original is unchanged.</source>
        <translation>已由 %1 转换：%2 → %3。原文件未改动。</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <source>RealName Precheck</source>
        <translation>实名预检助手</translation>
    </message>
    <message>
        <source>Pasted scans</source>
        <translation>粘贴的扫描件</translation>
    </message>
    <message>
        <source>Pasted scan %1</source>
        <translation>粘贴的扫描件 %1</translation>
    </message>
    <message>
        <source>the image could not be written</source>
        <translation>图片无法写入</translation>
    </message>
    <message>
        <source>The pasted image could not be kept in %1: %2</source>
        <translation>粘贴的图片无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>未添加</translation>
    </message>
    <message>
        <source>Add certificate scans</source>
        <translation>添加证件图片</translation>
    </message>
    <message>
        <source>Images and PDF (%1);;All files (*)</source>
        <translation>图片和 PDF (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This file could not be read: %1</source>
        <translation>无法读取此文件：%1</translation>
    </message>
    <message>
        <source>Not converted: %1</source>
        <translation>未转换：%1</translation>
    </message>
    <message>
        <source>Replace the converted copy?</source>
        <translation>替换已转换的文件？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在，要替换吗？</translation>
    </message>
</context>
<context>
    <name>ScanDropZone</name>
    <message>
        <source>Drop certificate scans here (files or whole folders), paste an image with Ctrl+V, or browse. Photos, PNG, HEIC and PDF are fine: convert them below.</source>
        <translation>把证件图片拖到这里（文件或整个文件夹），或按 Ctrl+V 粘贴图片，或点击“浏览”。手机照片、PNG、HEIC、PDF 都可以，在下方一键转换。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose scan files (Ctrl+Shift+O)</source>
        <translation>选择图片文件（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>证件图片</translation>
    </message>
</context>
<context>
    <name>ScanFillMixin</name>
    <message>
        <source>Fill these empty fields with what the scan shows?</source>
        <translation>用证件图片上识别出的内容填写以下空白项？</translation>
    </message>
    <message>
        <source>Kept as typed:</source>
        <translation>保留已填写的内容：</translation>
    </message>
    <message>
        <source>Read from scan</source>
        <translation>从证件图片填写</translation>
    </message>
    <message>
        <source>Every field the scan shows is already filled; typed values are kept:</source>
        <translation>图片上识别出的项目都已填写，保留已填写的内容：</translation>
    </message>
    <message>
        <source>No scan has been read yet, or nothing could be read on it.</source>
        <translation>还没有识别证件图片，或图片上没有识别出可填写的内容。</translation>
    </message>
    <message>
        <source>%1 (the scan shows %2)</source>
        <translation>%1（图片上为 %2）</translation>
    </message>
</context>
<context>
    <name>ScanReader</name>
    <message>
        <source>Scan reading could not start: %1</source>
        <translation>扫描件识别（离线 OCR）无法启动：%1</translation>
    </message>
</context>
<context>
    <name>StatusSummary</name>
    <message>
        <source>Nothing checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Type the registrant&apos;s details or open a record (Ctrl+O), and drop the certificate scans. Every field is checked as you type.</source>
        <translation>填写持有者信息或打开记录文件（Ctrl+O），并拖入证件图片。输入时即自动检查每个字段。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — would be rejected</source>
        <translation>%1 — 提交会被拒绝</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 — would be rejected</source>
        <translation>%1，%2 — 提交会被拒绝</translation>
    </message>
    <message>
        <source>Fix the fields marked in red, then check again.</source>
        <translation>请修改标红的字段。</translation>
    </message>
    <message>
        <source>The registry would reply: %1</source>
        <translation>注册局会回复：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n more reply(s) in the findings list</source>
        <translation>
            <numerusform>另有 %n 条回复见问题列表</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) could not be read</source>
        <translation>
            <numerusform>%n 张图片无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the file or add it again; its card says why.</source>
        <translation>请移除该文件或重新添加，原因见图片卡片。</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n scan(s)…</source>
        <translation>
            <numerusform>正在读取 %n 张图片…</numerusform>
        </translation>
    </message>
    <message>
        <source>The verdict follows when the scans are read.</source>
        <translation>图片读取完成后给出结论。</translation>
    </message>
    <message>
        <source>No errors in the fields — add the certificate scan</source>
        <translation>字段无错误 — 请添加证件图片</translation>
    </message>
    <message>
        <source>Drop the scan of the certificate, paste it (Ctrl+V) or browse for it.</source>
        <translation>拖入证件图片、按 Ctrl+V 粘贴，或点击“浏览”选择。</translation>
    </message>
    <message>
        <source>No errors, %1 — can be submitted</source>
        <translation>无错误，%1 — 可以提交</translation>
    </message>
    <message>
        <source>Check each warning: it may delay the verification.</source>
        <translation>请逐条核对警告，否则可能延误审核。</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <translation>可以提交</translation>
    </message>
    <message>
        <source>Every field and scan passes the checks.</source>
        <translation>所有字段和证件图片均通过检查。</translation>
    </message>
</context>
<context>
    <name>StraightenDialog</name>
    <message>
        <source>Straighten and crop – %1</source>
        <translation>拉直裁剪 – %1</translation>
    </message>
    <message>
        <source>Finding the document…</source>
        <translation>正在查找证件…</translation>
    </message>
    <message>
        <source>Reset corners</source>
        <translation>恢复检测到的四角</translation>
    </message>
    <message>
        <source>Write straightened copy</source>
        <translation>写入拉直后的副本</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Drag the four corners onto the document&apos;s corners; the original stays as it is.</source>
        <translation>把四个角拖到证件的四个角上；原图不会改动。</translation>
    </message>
    <message>
        <source>Document found. Check the corners, then write the copy.</source>
        <translation>已找到证件。请检查四个角，然后写入副本。</translation>
    </message>
    <message>
        <source>No document outline found: place the corners by hand.</source>
        <translation>未找到证件轮廓：请手动放置四个角。</translation>
    </message>
    <message>
        <source>This file cannot be straightened: %1</source>
        <translation>无法拉直此文件：%1</translation>
    </message>
    <message>
        <source>top</source>
        <comment>photo edge</comment>
        <translation>上</translation>
    </message>
    <message>
        <source>right</source>
        <comment>photo edge</comment>
        <translation>右</translation>
    </message>
    <message>
        <source>bottom</source>
        <comment>photo edge</comment>
        <translation>下</translation>
    </message>
    <message>
        <source>left</source>
        <comment>photo edge</comment>
        <translation>左</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between photo edges</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>The document runs past the photo&apos;s edge (%1): that part was not photographed and stays blank in the copy. Ask the customer for a new photo of the whole document.</source>
        <translation>证件超出了照片的%1边缘：这部分没有拍进照片，副本中那里是空白的。请让客户重新拍一张完整的证件照片。</translation>
    </message>
    <message>
        <source>Checking which way up the document is…</source>
        <translation>正在判断证件的正向…</translation>
    </message>
    <message>
        <source>Orientation not checked (no scan reading installed): nothing guessed.</source>
        <translation>未安装扫描件识别，未检查方向：没有猜测旋转。</translation>
    </message>
    <message>
        <source>Turned %1° counter-clockwise, as its text reads.</source>
        <translation>已按文字方向逆时针旋转 %1°。</translation>
    </message>
    <message>
        <source>Not turned: its text reads upright, or which way up is not certain.</source>
        <translation>未旋转：文字已是正向，或无法确定正向。</translation>
    </message>
    <message>
        <source>These corners do not make a document shape.</source>
        <translation>这四个角构不成证件的形状。</translation>
    </message>
    <message>
        <source>Writing the straightened copy…</source>
        <translation>正在写入拉直后的副本…</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>未写入：%1</translation>
    </message>
</context>
</TS>
