<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Alerts</name>
    <message>
        <source>Open cases: {count}</source>
        <translation>待处理异常：{count}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Cashier Companion</source>
        <translation>收银伴侣</translation>
    </message>
    <message>
        <source>Its window has been brought to the front.</source>
        <translation>已把它的窗口调到最前面。</translation>
    </message>
    <message>
        <source>The app could not start on the new configuration: {error}
The previous configuration is kept as a backup beside it (config.toml.*.bak); the app stops now.</source>
        <translation>软件无法按新配置启动：{error}
原配置已作为备份保存在旁边（config.toml.*.bak）；软件现在退出。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit trail</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>job {job}</source>
        <translation>打印任务 {job}</translation>
    </message>
    <message>
        <source>case {case}</source>
        <translation>案例 {case}</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>授权店长</translation>
    </message>
    <message>
        <source>Order / job / case</source>
        <translation>订单 / 打印任务 / 案例</translation>
    </message>
    <message>
        <source>Reason and detail</source>
        <translation>原因与详情</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>From day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Person number</source>
        <translation>人员编号</translation>
    </message>
    <message>
        <source>The audit trail</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <source>Reprints, cancels, moves, closes, sign-ins and settings changes, newest first</source>
        <translation>补打、取消、转移、关单、登录和设置更改，最新在前</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出操作记录</translation>
    </message>
    <message>
        <source>Audit trail saved to {path}</source>
        <translation>操作记录已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>{days} working days ago</source>
        <translation>{days} 个工作日前</translation>
    </message>
    <message>
        <source>{age}: overdue, ask the platform again</source>
        <translation>{age}：已超时，请再次询问平台</translation>
    </message>
    <message>
        <source>Saved as training lesson &quot;{title}&quot;: trainees get it after the built-in lessons.</source>
        <translation>已保存为培训课程“{title}”：学员学完内置课程后练习。</translation>
    </message>
    <message>
        <source>Case {id}</source>
        <translation>案例 {id}</translation>
    </message>
    <message>
        <source>Case {id}: {kind}</source>
        <translation>案例 {id}：{kind}</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Third-party order no.</source>
        <translation>第三方订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payment state</source>
        <translation>支付状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Handled in</source>
        <translation>处理用时</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>支付渠道</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Reported for handling</source>
        <translation>上报处理</translation>
    </message>
    <message>
        <source>Customer contact</source>
        <translation>顾客联系方式</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>处理经过</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>State seen</source>
        <translation>当时状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add to the record</source>
        <translation>补充记录</translation>
    </message>
    <message>
        <source>Note: what was done, what the customer said</source>
        <translation>备注：做了什么、顾客说了什么</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Report for handling</source>
        <translation>上报处理</translation>
    </message>
    <message>
        <source>Customer&apos;s phone or contact (optional)</source>
        <translation>顾客电话或联系方式（可选）</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>保存联系方式</translation>
    </message>
    <message>
        <source>Use as a training lesson</source>
        <translation>用作培训课程</translation>
    </message>
    <message>
        <source>Note to add to the case</source>
        <translation>要添加到案例的备注</translation>
    </message>
    <message>
        <source>The customer&apos;s contact</source>
        <translation>顾客联系方式</translation>
    </message>
    <message>
        <source>Masked in exports and bundles</source>
        <translation>导出和诊断包中会打码</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Choose the result</source>
        <translation>请选择处理结果</translation>
    </message>
    <message>
        <source>Note (what was done, who was called)</source>
        <translation>备注（做了什么、联系了谁）</translation>
    </message>
    <message>
        <source>What happened, step by step</source>
        <translation>处理经过（逐步）</translation>
    </message>
    <message>
        <source>The case&apos;s result</source>
        <translation>案例结果</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <source>[Training] {kind}</source>
        <translation>【培训】{kind}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Payment state</source>
        <translation>支付状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Handled in</source>
        <translation>处理用时</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Reported {days} working days ago</source>
        <translation>已上报 {days} 个工作日</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>异常案例</translation>
    </message>
    <message>
        <source>Training cases</source>
        <translation>培训案例</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Open and closed</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Also open cases of other days</source>
        <translation>同时显示其他日期未结案例</translation>
    </message>
    <message>
        <source>No cases for this choice.</source>
        <translation>没有符合条件的案例。</translation>
    </message>
    <message>
        <source>Open case (Enter)</source>
        <translation>查看案例（回车）</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>The day whose cases are listed</source>
        <translation>所列案例的日期</translation>
    </message>
    <message>
        <source>Kind of case</source>
        <translation>案例类型</translation>
    </message>
    <message>
        <source>Open or closed</source>
        <translation>未结或已结</translation>
    </message>
    <message>
        <source>Open cases first, newest first; Enter opens the selected case</source>
        <translation>未结案例在前，最新在前；按回车打开所选案例</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>打开所选案例</translation>
    </message>
    <message>
        <source>Export the listed cases as CSV</source>
        <translation>把所列案例导出为 CSV</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <source>Cases of the day by kind</source>
        <translation>当天各类案例数</translation>
    </message>
    <message>
        <source>{day}: no cases</source>
        <translation>{day}：没有异常案例</translation>
    </message>
    <message>
        <source>{day}: {total} cases — {parts}</source>
        <translation>{day}：共 {total} 个案例 — {parts}</translation>
    </message>
    <message>
        <source>Select a case in the table first.</source>
        <translation>请先在表格中选择一个案例。</translation>
    </message>
    <message>
        <source>Case {id} closed: {result}</source>
        <translation>案例 {id} 已结案：{result}</translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>导出案例</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cases saved to {path}</source>
        <translation>案例已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>The app could not start: {detail}

Details for the technician: {path}</source>
        <translation>程序无法启动：{detail}

供技术人员查看的详情：{path}</translation>
    </message>
    <message>
        <source>The configuration file has an error, so the app did not start:
{detail}

Correct {path} (check it with: cashier-app config check).</source>
        <translation>配置文件有错误，程序没有启动：
{detail}

请修改 {path}（可用 cashier-app config check 检查）。</translation>
    </message>
    <message>
        <source>An unexpected error occurred ({summary}). The app keeps running; details for the technician: {path}</source>
        <translation>发生了意外错误（{summary}）。程序继续运行；供技术人员查看的详情：{path}</translation>
    </message>
    <message>
        <source>The app stopped unexpectedly last time. Nothing recorded is lost; details for the technician: {path}</source>
        <translation>程序上次意外停止。已记录的内容没有丢失；供技术人员查看的详情：{path}</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>The system&apos;s credential store ({name}), protected by the operating system and unlocked with this user&apos;s login.</source>
        <translation>系统凭据库（{name}），由操作系统保护，随本用户登录解锁。</translation>
    </message>
    <message>
        <source>This app&apos;s key file: {path}
⚠ Protected only by this user account&apos;s file permissions (this user and administrators can read it); not encrypted.</source>
        <translation>本程序的密钥文件：{path}
⚠ 仅靠本用户账户的文件权限保护（本用户和管理员可以读取），未加密。</translation>
    </message>
    <message>
        <source>⚠ A fallback store ({name}), not the system&apos;s credential store. {path}</source>
        <translation>⚠ 备用存储（{name}），不是系统凭据库。{path}</translation>
    </message>
    <message>
        <source>⚠ No credential store is available: the key cannot be saved. Ask the technician to set one up, or to use this app&apos;s key file.</source>
        <translation>⚠ 没有可用的凭据库，无法保存密钥。请技术人员安装凭据库，或改用本程序的密钥文件。</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Platform key</source>
        <translation>平台密钥</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Credential store</source>
        <translation>凭据存储</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Type or paste the new key</source>
        <translation>输入或粘贴新的密钥</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <source>Check with the platform</source>
        <translation>向平台验证</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New key, hidden as typed</source>
        <translation>新密钥（输入时隐藏）</translation>
    </message>
    <message>
        <source>Goes straight to the credential store when saved</source>
        <translation>保存时直接存入系统凭据库</translation>
    </message>
    <message>
        <source>The key was not saved: {reason}</source>
        <translation>密钥未保存：{reason}</translation>
    </message>
    <message>
        <source>The key is saved.</source>
        <translation>密钥已保存。</translation>
    </message>
    <message>
        <source>The platform did not accept the key: {reason}</source>
        <translation>平台未接受该密钥：{reason}</translation>
    </message>
    <message>
        <source>Checking with the platform…</source>
        <translation>正在向平台验证…</translation>
    </message>
    <message>
        <source>The platform accepts the key.</source>
        <translation>平台已接受该密钥。</translation>
    </message>
    <message>
        <source>The check failed: {error}</source>
        <translation>验证失败：{error}</translation>
    </message>
</context>
<context>
    <name>DisplayDialog</name>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Text &amp;size:</source>
        <translation>文字大小(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>配色(&amp;C)：</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>High contrast (light on black)</source>
        <translation>高对比度（黑底亮字）</translation>
    </message>
    <message>
        <source>The window changes as you choose. {size} px is the designed size; Ctrl+ and Ctrl− change it for this session.</source>
        <translation>窗口会随选择立即变化。{size} 像素为设计大小；Ctrl+ 和 Ctrl− 可在本次运行中调整。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Text size in pixels</source>
        <translation>文字大小（像素）</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>配色</translation>
    </message>
    <message>
        <source>Standard, or high contrast: light text on black</source>
        <translation>标准，或高对比度：黑底亮字</translation>
    </message>
</context>
<context>
    <name>HeldJobsBanner</name>
    <message>
        <source>job {id}</source>
        <translation>任务 {id}</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>订单 {order}</translation>
    </message>
    <message>
        <source>(reprint)</source>
        <translation>（补打）</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Other printer…</source>
        <translation>转到其他打印机…</translation>
    </message>
    <message>
        <source>Print this receipt on another printer of the store</source>
        <translation>在本店的另一台打印机上打印这张小票</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <source>Retry printing {what}</source>
        <translation>重试打印 {what}</translation>
    </message>
    <message>
        <source>Print {what} on another printer</source>
        <translation>在另一台打印机上打印 {what}</translation>
    </message>
    <message>
        <source>Cancel printing {what}</source>
        <translation>取消打印 {what}</translation>
    </message>
    <message>
        <source>Asks for a reason, which goes into the audit trail</source>
        <translation>会询问原因，并记入审计记录</translation>
    </message>
    <message>
        <source>Cancel print job</source>
        <translation>取消打印任务</translation>
    </message>
    <message>
        <source>The receipt for order {order} will not be printed. Why?</source>
        <translation>订单 {order} 的小票将不再打印。请选择原因：</translation>
    </message>
    <message>
        <source>Cancel the job</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Receipts waiting to print: {count}</source>
        <translation>待打印小票：{count} 张</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>全部重试</translation>
    </message>
    <message>
        <source>Retry every waiting receipt now</source>
        <translation>立即重试所有等待的小票</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 张</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>a network printer</source>
        <translation>网络打印机</translation>
    </message>
    <message>
        <source>a USB printer</source>
        <translation>USB 打印机</translation>
    </message>
    <message>
        <source>a serial-port printer</source>
        <translation>串口打印机</translation>
    </message>
    <message>
        <source>a printer of the system&apos;s print queue</source>
        <translation>系统打印队列中的打印机</translation>
    </message>
    <message>
        <source>a Windows printer</source>
        <translation>Windows 打印机</translation>
    </message>
    <message>
        <source>a printer device file</source>
        <translation>打印机设备文件</translation>
    </message>
    <message>
        <source>Help for {store}</source>
        <translation>{store} 使用帮助</translation>
    </message>
    <message>
        <source>Cashier {operator} · printer {printer} · platform {host}</source>
        <translation>收银员 {operator} · 打印机 {printer} · 平台 {host}</translation>
    </message>
    <message>
        <source>Training mode: practise freely, no real order is touched.</source>
        <translation>培训模式：可以放心练习，不会影响任何真实订单。</translation>
    </message>
    <message>
        <source>The till printed no receipt, or the customer&apos;s phone shows paid but the till says it failed.</source>
        <translation>收银机没有打出小票，或者顾客手机显示已付款而收银机显示失败。</translation>
    </message>
    <message>
        <source>The customer shows a payment voucher (支付凭证) but you have no receipt.</source>
        <translation>顾客出示了支付凭证，但没有小票。</translation>
    </message>
    <message>
        <source>The tray icon or the status bar turns amber or red, or a notification says a new case was raised.</source>
        <translation>托盘图标或状态栏变成黄色或红色，或者弹出新异常的通知。</translation>
    </message>
    <message>
        <source>Then press F3, scan or type the order number, and press Enter. The page says in one sentence what became of the order and what to do next; the highlighted button is the next step.</source>
        <translation>这时按 F3，扫描或输入订单号，再按回车。页面会用一句话说明订单的情况和下一步怎么做；突出显示的按钮就是下一步。</translation>
    </message>
    <message>
        <source>Never take payment again while the state is unknown or the customer shows a voucher: sync the order first. Take payment again only after the app has closed the first order.</source>
        <translation>订单状态未知或顾客出示了支付凭证时，绝不要重新收款：请先同步订单。只有在本程序关闭原订单之后才能重新收款。</translation>
    </message>
    <message>
        <source>How do I tell that an order is abnormal?</source>
        <translation>怎样判断订单异常？</translation>
    </message>
    <message>
        <source>Look at the status bar: it shows the state of printer {printer} ({kind}).</source>
        <translation>看状态栏：那里显示打印机 {printer}（{kind}）的状态。</translation>
    </message>
    <message>
        <source>Out of paper, cover open, offline: fix it; held receipts print by themselves once it is ready.</source>
        <translation>缺纸、上盖打开、脱机：排除故障后，等待中的小票会自动打印。</translation>
    </message>
    <message>
        <source>On the receipts page (F2), check that the till&apos;s receipt arrived at all. If it did not, the till did not write it: look the order up and print it from the platform&apos;s record.</source>
        <translation>在“今日小票”页（F2）查看这张小票是否到达。如果没有，说明收银机没有写出小票：请查询订单，按平台记录打印小票。</translation>
    </message>
    <message>
        <source>To print a receipt again: look the order up (F3) and press Reprint receipt. The copy is marked as a reprint (重打小票).</source>
        <translation>要再打一张小票：查询订单（F3），点“补打小票”。补打的小票会标明“重打小票”。</translation>
    </message>
    <message>
        <source>This till prints its own receipts; the app only records them. Check the till&apos;s printer first.</source>
        <translation>本收银台由收银机自己打印小票，本程序只做记录。请先检查收银机的打印机。</translation>
    </message>
    <message>
        <source>The printer printed nothing. What now?</source>
        <translation>打印机什么都没打出来，怎么办？</translation>
    </message>
    <message>
        <source>Every abnormal order is written down by itself as a case: who handled it, which order, its payment state, the cause, each step taken with its time, the result and how long it took.</source>
        <translation>每笔异常订单都会自动记录为一个案例：谁处理的、哪笔订单、支付状态、原因、每一步操作及时间、结果和用时。</translation>
    </message>
    <message>
        <source>Add what the app cannot know in the note when you report an order or close a case: what the customer said, whom you called.</source>
        <translation>上报或结案时，请在备注里补充程序无法知道的信息：顾客说了什么、联系了谁。</translation>
    </message>
    <message>
        <source>What is recorded, and what should I add?</source>
        <translation>会记录什么？我需要补充什么？</translation>
    </message>
    <message>
        <source>A lookup takes a few seconds.</source>
        <translation>查询一般只需几秒钟。</translation>
    </message>
    <message>
        <source>A sync asks the payment channel again and confirms a few more times, usually within ten seconds.</source>
        <translation>同步会让平台重新向支付渠道确认，并自动再确认几次，通常十秒内完成。</translation>
    </message>
    <message>
        <source>A third-party order number (第三方订单号) only finds the order once the platform has heard from the channel; the merchant order number (商户订单号) in the voucher&apos;s details always works.</source>
        <translation>第三方订单号要等平台收到支付渠道的成功通知后才能查到；支付凭证详情里的商户订单号随时都能查询。</translation>
    </message>
    <message>
        <source>A paid order with no receipt is raised as a case a few minutes after payment.</source>
        <translation>已付款却没有小票的订单，会在付款几分钟后自动记录为异常案例。</translation>
    </message>
    <message>
        <source>How long does it take?</source>
        <translation>需要多长时间？</translation>
    </message>
    <message>
        <source>Technical support: {contact}</source>
        <translation>技术支持：{contact}</translation>
    </message>
    <message>
        <source>Technical support: ask your store manager for the technician&apos;s number.</source>
        <translation>技术支持：请向店长索取维护人员的电话。</translation>
    </message>
    <message>
        <source>Tell them the order number, the case number and what the lookup page says. The merchant platform of this store is {host}.</source>
        <translation>请告诉对方订单号、案例编号以及查询页面上显示的内容。本店的商户平台是 {host}。</translation>
    </message>
    <message>
        <source>Whom do I call?</source>
        <translation>遇到问题找谁？</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Help for this store</source>
        <translation>本店帮助</translation>
    </message>
    <message>
        <source>The common questions at the till, answered for this store</source>
        <translation>收银台常见问题，按本店设置解答</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Third-party no.</source>
        <translation>第三方订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Receipt {order}</source>
        <translation>小票 {order}</translation>
    </message>
    <message>
        <source>Receipt history</source>
        <translation>历史小票</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>单号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>收银员(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Receipt</source>
        <translation>小票(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>内容(&amp;W)</translation>
    </message>
    <message>
        <source>whole, or its last 4+ digits</source>
        <translation>完整单号，或后4位以上</translation>
    </message>
    <message>
        <source>38.50 or 30-40</source>
        <translation>38.50 或 30-40</translation>
    </message>
    <message>
        <source>2026-11-24</source>
        <translation>2026-11-24</translation>
    </message>
    <message>
        <source>02</source>
        <translation>02</translation>
    </message>
    <message>
        <source>words on the receipt</source>
        <translation>小票上的文字</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Reprinted</source>
        <translation>已重打</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近7天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Search (Enter)</source>
        <translation>查找 (Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>打开 (Enter)</translation>
    </message>
    <message>
        <source>No receipt matches. Loosen a filter, or clear them all.</source>
        <translation>没有符合条件的小票。请放宽条件，或全部清空。</translation>
    </message>
    <message>
        <source>Receipts found</source>
        <translation>找到的小票</translation>
    </message>
    <message>
        <source>Newest first; Enter opens the selected receipt, Ctrl+P reprints it</source>
        <translation>最新在前；回车打开所选小票，Ctrl+P 补打</translation>
    </message>
    <message>
        <source>Newest {count} shown; more below as you scroll</source>
        <translation>显示最新 {count} 张，向下滚动查看更多</translation>
    </message>
    <message>
        <source>{count} receipts</source>
        <translation>共 {count} 张小票</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <source>Look up order</source>
        <translation>查询订单</translation>
    </message>
    <message>
        <source>Look up a paid order first.</source>
        <translation>请先查询一笔已支付的订单。</translation>
    </message>
    <message>
        <source>The receipt was just sent to the printer. For another copy, click Reprint.</source>
        <translation>小票刚刚送去打印。如需再给一份，请点&quot;补打小票&quot;。</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <source>Print the receipt of order {order} again, marked as a reprint. Why?</source>
        <translation>重新打印订单 {order} 的小票（标明为重打）。原因是？</translation>
    </message>
    <message>
        <source>Order {order} has had no receipt yet: print it now. Why?</source>
        <translation>订单 {order} 还没有打印过小票：现在打印。原因？</translation>
    </message>
    <message>
        <source>Customer asked</source>
        <translation>顾客要求</translation>
    </message>
    <message>
        <source>The till printed nothing</source>
        <translation>收银机没有出小票</translation>
    </message>
    <message>
        <source>Receipt unreadable</source>
        <translation>小票看不清</translation>
    </message>
    <message>
        <source>Printer fault fixed</source>
        <translation>打印机故障已排除</translation>
    </message>
    <message>
        <source>Close order {order}?</source>
        <translation>关闭订单 {order}？</translation>
    </message>
    <message>
        <source>After closing, this order can no longer be paid. Then take payment again with a new order number.</source>
        <translation>关闭后这笔订单不能再付款。然后用新订单号重新收款。</translation>
    </message>
    <message>
        <source>Close the order</source>
        <translation>关闭订单</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Customer insists they paid</source>
        <translation>顾客坚持已付款</translation>
    </message>
    <message>
        <source>Still unpaid after several syncs</source>
        <translation>多次同步仍未支付</translation>
    </message>
    <message>
        <source>Platform unreachable for a long time</source>
        <translation>平台长时间无法连接</translation>
    </message>
    <message>
        <source>What should the manager know about order {order}?</source>
        <translation>关于订单 {order}，需要告诉店长什么？</translation>
    </message>
    <message>
        <source>Receipt of order {order} sent to the printer.</source>
        <translation>订单 {order} 的小票已发送到打印机。</translation>
    </message>
    <message>
        <source>Confirming, attempt {n}…</source>
        <translation>第 {n} 次确认…</translation>
    </message>
    <message>
        <source>Syncing with the payment channel…</source>
        <translation>正在向支付渠道同步…</translation>
    </message>
    <message>
        <source>Closing the order…</source>
        <translation>正在关闭订单…</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>正在发送到打印机…</translation>
    </message>
    <message>
        <source>Reporting…</source>
        <translation>正在上报…</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Type the merchant order number (商户订单号) from the voucher&apos;s details on the customer&apos;s phone, then press Enter.</source>
        <translation>请输入顾客手机上支付凭证详情里的商户订单号，然后按回车。</translation>
    </message>
    <message>
        <source>Merchant order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Scan or type the merchant order number or the third-party number and press Enter. Esc clears.</source>
        <translation>扫描或输入商户订单号或第三方订单号，按回车查询。按 Esc 清空。</translation>
    </message>
    <message>
        <source>Scan or type an order number</source>
        <translation>扫描或输入订单号</translation>
    </message>
    <message>
        <source>Next order number — or Enter for the highlighted step</source>
        <translation>下一个订单号 — 或直接按回车执行突出显示的操作</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>This order can no longer be paid: you may take payment again with a new order number.</source>
        <translation>这笔订单已不能再付款，可以用新订单号重新收款。</translation>
    </message>
    <message>
        <source>The receipt waits for the printer ({fault}). It prints by itself once the printer is ready: do not print it again.</source>
        <translation>小票在等打印机（{fault}）。打印机恢复后会自动打印：请不要再打一张。</translation>
    </message>
    <message>
        <source>The receipt is being printed now.</source>
        <translation>小票正在打印。</translation>
    </message>
    <message>
        <source>Receipt printed at {at}, asked for by {who}.</source>
        <translation>小票已于 {at} 打印（{who} 要求）。</translation>
    </message>
    <message>
        <source>Receipt printed at {at}.</source>
        <translation>小票已于 {at} 打印。</translation>
    </message>
    <message>
        <source>Copies printed since: {n}.</source>
        <translation>之后已补打 {n} 份。</translation>
    </message>
    <message>
        <source>{action} (Enter)</source>
        <translation>{action}（回车）</translation>
    </message>
    <message>
        <source>The next step for this order (Enter runs it)</source>
        <translation>该订单的下一步（按回车执行）</translation>
    </message>
    <message>
        <source>Looked up again: {platform} shows {state}.</source>
        <translation>已重新查询：{platform}显示{state}。</translation>
    </message>
    <message>
        <source>Synced: the platform now shows {state}.</source>
        <translation>同步完成：平台现在显示{state}。</translation>
    </message>
    <message>
        <source>Synced: the platform still shows {state}.</source>
        <translation>同步完成：平台仍显示{state}。</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Type or scan the merchant order number or the third-party number, then press Enter</source>
        <translation>输入或扫描商户订单号或第三方订单号，然后按回车</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Look the number up on the merchant platform</source>
        <translation>在商户平台上查询该单号</translation>
    </message>
    <message>
        <source>Yes, the customer shows a payment voucher</source>
        <translation>是，顾客出示了支付凭证</translation>
    </message>
    <message>
        <source>No, the customer has no payment voucher</source>
        <translation>否，顾客没有支付凭证</translation>
    </message>
    <message>
        <source>The order&apos;s state</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>The next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>出错原因</translation>
    </message>
    <message>
        <source>Confirmed {n} times.</source>
        <translation>共确认 {n} 次。</translation>
    </message>
    <message>
        <source>Payment state</source>
        <translation>支付状态</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Ordered at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Third-party order no.</source>
        <translation>第三方订单号</translation>
    </message>
    <message>
        <source>(refunded {amount})</source>
        <translation>（已退款 {amount}）</translation>
    </message>
    <message>
        <source>Case {id}</source>
        <translation>案例 {id}</translation>
    </message>
    <message>
        <source>closed: {result}</source>
        <translation>已结案：{result}</translation>
    </message>
    <message>
        <source>Case {id} · {kind} · {status}</source>
        <translation>案例 {id} · {kind} · {status}</translation>
    </message>
    <message>
        <source>reported {days} working days ago</source>
        <translation>已上报 {days} 个工作日</translation>
    </message>
    <message>
        <source>Look up (Enter)</source>
        <translation>查询（回车）</translation>
    </message>
    <message>
        <source>Does the customer&apos;s phone show a payment voucher?</source>
        <translation>顾客手机上有支付凭证吗？</translation>
    </message>
    <message>
        <source>Yes (Y)</source>
        <translation>有（Y）</translation>
    </message>
    <message>
        <source>No (N)</source>
        <translation>没有（N）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This page is for another role. Press F12 to switch person.</source>
        <translation>此页面供其他角色使用。按 F12 切换人员。</translation>
    </message>
    <message>
        <source>This app has no merchant platform to set a key for.</source>
        <translation>本程序没有可设置密钥的商户平台。</translation>
    </message>
    <message>
        <source>This app has no configuration file to set up.</source>
        <translation>本软件没有可设置的配置文件。</translation>
    </message>
    <message>
        <source>The display settings are saved.</source>
        <translation>显示设置已保存。</translation>
    </message>
    <message>
        <source>Text size {size} px (Settings → Display… keeps it).</source>
        <translation>文字大小 {size} 像素（在 设置 → 显示… 中保存）。</translation>
    </message>
    <message>
        <source>The configuration is saved; it is used when the app starts without demo or training.</source>
        <translation>配置已保存；软件以非演示、非培训方式启动时使用。</translation>
    </message>
    <message>
        <source>Started on the new configuration.</source>
        <translation>已按新配置启动。</translation>
    </message>
    <message>
        <source>Nothing to reprint on this page.</source>
        <translation>此页面没有可补打的内容。</translation>
    </message>
    <message>
        <source>Still running in the tray; receipts keep printing.</source>
        <translation>程序仍在托盘中运行，小票照常打印。</translation>
    </message>
    <message>
        <source>Cashier Companion — TRAINING</source>
        <translation>收银伴侣 — 培训模式</translation>
    </message>
    <message>
        <source>Cashier Companion</source>
        <translation>收银伴侣</translation>
    </message>
    <message>
        <source>Training mode — real orders are not affected</source>
        <translation>培训模式 — 不会影响真实订单</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Platform &amp;key…</source>
        <translation>平台密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>Setup &amp;wizard…</source>
        <translation>设置向导(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Display…</source>
        <translation>显示(&amp;D)…</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>{keys}; F9 prints a missing receipt</source>
        <translation>{keys}；F9 补打缺失的小票</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
</context>
<context>
    <name>ManagerPinDialog</name>
    <message>
        <source>Manager&apos;s PIN</source>
        <translation>店长 PIN</translation>
    </message>
    <message>
        <source>Manager &amp;number</source>
        <translation>店长编号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Call the technician.</source>
        <translation>请联系技术人员。</translation>
    </message>
    <message>
        <source>Platform OK</source>
        <translation>平台正常</translation>
    </message>
    <message>
        <source>Platform connection lost</source>
        <translation>平台连接中断</translation>
    </message>
    <message>
        <source>Platform not configured</source>
        <translation>平台未配置</translation>
    </message>
    <message>
        <source>Platform connection lost: {reason}</source>
        <translation>平台连接中断：{reason}</translation>
    </message>
    <message>
        <source>Platform refuses this till: {reason}</source>
        <translation>平台拒绝本机：{reason}</translation>
    </message>
    <message>
        <source>the platform did not answer in time</source>
        <translation>平台响应超时</translation>
    </message>
    <message>
        <source>no network connection</source>
        <translation>网络连接失败</translation>
    </message>
    <message>
        <source>platform internal error</source>
        <translation>平台内部错误</translation>
    </message>
    <message>
        <source>payment channel error</source>
        <translation>支付渠道异常</translation>
    </message>
    <message>
        <source>platform under maintenance</source>
        <translation>平台维护中</translation>
    </message>
    <message>
        <source>signature check failed</source>
        <translation>签名校验失败</translation>
    </message>
    <message>
        <source>Ask the technician to check the merchant key.</source>
        <translation>请联系技术人员检查商户密钥。</translation>
    </message>
    <message>
        <source>too many requests, retrying shortly</source>
        <translation>请求过于频繁，稍后自动重试</translation>
    </message>
    <message>
        <source>merchant key missing or wrong</source>
        <translation>商户密钥缺失或错误</translation>
    </message>
    <message>
        <source>Ask the technician to enter the merchant key.</source>
        <translation>请联系技术人员录入商户密钥。</translation>
    </message>
    <message>
        <source>the platform rejects this till&apos;s merchant key</source>
        <translation>平台拒绝本机的商户密钥</translation>
    </message>
    <message>
        <source>Ask the technician to store the right merchant key (credentials check).</source>
        <translation>请技术人员保存正确的商户密钥（密钥检查）。</translation>
    </message>
    <message>
        <source>the platform rejects this computer&apos;s time</source>
        <translation>平台拒绝本机的时间</translation>
    </message>
    <message>
        <source>Set this computer&apos;s date and time correctly.</source>
        <translation>请把本机的日期和时间调准。</translation>
    </message>
    <message>
        <source>this terminal is not bound to the merchant</source>
        <translation>本终端未绑定到商户</translation>
    </message>
    <message>
        <source>Ask the technician to bind this terminal on the platform.</source>
        <translation>请联系技术人员在平台上绑定本终端。</translation>
    </message>
    <message>
        <source>the platform refused the request</source>
        <translation>平台拒绝了请求</translation>
    </message>
    <message>
        <source>Call technical support.</source>
        <translation>请联系技术支持。</translation>
    </message>
    <message>
        <source>the platform&apos;s answer could not be read</source>
        <translation>无法识别平台的应答</translation>
    </message>
    <message>
        <source>the platform&apos;s answer contradicts an earlier one</source>
        <translation>平台的应答与之前的结果矛盾</translation>
    </message>
    <message>
        <source>a sync of this order is still running</source>
        <translation>这笔订单正在同步中</translation>
    </message>
    <message>
        <source>the request was refused as a repeat</source>
        <translation>请求被当作重复请求拒绝</translation>
    </message>
    <message>
        <source>the app is stopping</source>
        <translation>程序正在退出</translation>
    </message>
    <message>
        <source>the platform would not close the order</source>
        <translation>平台无法关闭这笔订单</translation>
    </message>
    <message>
        <source>merchant key missing</source>
        <translation>商户密钥缺失</translation>
    </message>
    <message>
        <source>merchant key is wrong</source>
        <translation>商户密钥错误</translation>
    </message>
    <message>
        <source>the system keyring cannot be reached</source>
        <translation>无法访问系统钥匙串</translation>
    </message>
    <message>
        <source>the merchant key cannot be read</source>
        <translation>无法读取商户密钥</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>the file is not text</source>
        <translation>文件不是文本</translation>
    </message>
    <message>
        <source>the file is too large for a receipt</source>
        <translation>文件过大，不是小票</translation>
    </message>
    <message>
        <source>the file&apos;s characters cannot be read</source>
        <translation>文件中的文字无法识别</translation>
    </message>
    <message>
        <source>the file&apos;s name is not readable text</source>
        <translation>文件名不是可读的文字</translation>
    </message>
    <message>
        <source>the file could not be read (a fault in the app)</source>
        <translation>无法读取该文件（程序故障）</translation>
    </message>
    <message>
        <source>it is a link to another file, which is not read</source>
        <translation>它是指向其他文件的链接，不会读取</translation>
    </message>
    <message>
        <source>it is a pipe, not a file</source>
        <translation>它是管道，不是文件</translation>
    </message>
    <message>
        <source>it is a socket, not a file</source>
        <translation>它是套接字，不是文件</translation>
    </message>
    <message>
        <source>it is a device, not a file</source>
        <translation>它是设备，不是文件</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <source>File {name} was not taken as a receipt: {reason}</source>
        <translation>文件 {name} 未作为小票接收：{reason}</translation>
    </message>
    <message>
        <source>The till&apos;s folder {path} is missing: new receipts are not being picked up.</source>
        <translation>收银机的文件夹 {path} 不存在，新的小票暂时无法读取。</translation>
    </message>
    <message>
        <source>Check that the drive or network share is connected.</source>
        <translation>请检查磁盘或网络共享是否已连接。</translation>
    </message>
    <message>
        <source>The till&apos;s folder {path} is back.</source>
        <translation>收银机的文件夹 {path} 已恢复。</translation>
    </message>
    <message>
        <source>Printer {printer} is ready again; held receipts are printing.</source>
        <translation>打印机 {printer} 已恢复，暂停的小票正在打印。</translation>
    </message>
    <message>
        <source>Connection to the platform restored.</source>
        <translation>平台连接已恢复。</translation>
    </message>
    <message>
        <source>Case {case_id} (order {out_trade_no}) was reported {days} working days ago and is still open.</source>
        <translation>案例 {case_id}（订单 {out_trade_no}）已上报 {days} 个工作日，仍未结案。</translation>
    </message>
    <message>
        <source>Ask the platform again, or close the case on the cases page.</source>
        <translation>请再次询问平台，或在“异常案例”页结案。</translation>
    </message>
    <message>
        <source>Reprint of order {out_trade_no} queued.</source>
        <translation>订单 {out_trade_no} 的补打已加入打印队列。</translation>
    </message>
    <message>
        <source>Print job for order {out_trade_no} cancelled.</source>
        <translation>订单 {out_trade_no} 的打印任务已取消。</translation>
    </message>
    <message>
        <source>A receipt cut off while printing was printed again (order {out_trade_no}).</source>
        <translation>一张打印中断的小票已重新打印，并标记为补打（订单 {out_trade_no}）。</translation>
    </message>
    <message>
        <source>Order {out_trade_no} is paid but has no receipt.</source>
        <translation>订单 {out_trade_no} 已支付，但没有小票。</translation>
    </message>
    <message>
        <source>Reprint it from the order, or check the till.</source>
        <translation>请按订单补打，或检查收银机。</translation>
    </message>
    <message>
        <source>Order {out_trade_no} has a receipt but the platform says it is not paid.</source>
        <translation>订单 {out_trade_no} 有小票，但平台显示未支付。</translation>
    </message>
    <message>
        <source>Do not hand over the goods until the payment is confirmed.</source>
        <translation>确认收款前请勿交付商品。</translation>
    </message>
    <message>
        <source>Order {out_trade_no} is still waiting for the customer&apos;s password.</source>
        <translation>订单 {out_trade_no} 仍在等待顾客输入密码。</translation>
    </message>
    <message>
        <source>Secrets are kept in a fallback store ({backend}), not the system keyring.</source>
        <translation>密钥保存在备用存储（{backend}）中，而不是系统钥匙串。</translation>
    </message>
    <message>
        <source>The disk is full: {waiting} receipt file(s) wait to be recorded and printed.</source>
        <translation>磁盘已满：有 {waiting} 个小票文件等待记录和打印。</translation>
    </message>
    <message>
        <source>Free disk space (call the technician); they are taken in by themselves then.</source>
        <translation>请腾出磁盘空间（联系技术人员）；之后会自动补记并打印。</translation>
    </message>
    <message>
        <source>Disk space is back: {count} waiting receipt file(s) were recorded.</source>
        <translation>磁盘空间已恢复：等待中的 {count} 个小票文件已记录。</translation>
    </message>
    <message>
        <source>The till wrote the receipt of order {out_trade_no} again: not printed twice.</source>
        <translation>收银机再次写出了订单 {out_trade_no} 的小票：不会重复打印。</translation>
    </message>
    <message>
        <source>To give the customer a copy, reprint it (Ctrl+P).</source>
        <translation>如需给顾客一份副本，请补打（Ctrl+P）。</translation>
    </message>
    <message>
        <source>The receipt of order {out_trade_no} goes to printer {printer}.</source>
        <translation>订单 {out_trade_no} 的小票已转到打印机 {printer}。</translation>
    </message>
    <message>
        <source>The journal was copied to {path}.</source>
        <translation>日志已备份到 {path}。</translation>
    </message>
    <message>
        <source>The journal&apos;s daily copy failed: {detail}</source>
        <translation>日志每日备份失败：{detail}</translation>
    </message>
    <message>
        <source>Check the backup folder (is the drive there, is there space?).</source>
        <translation>请检查备份文件夹（磁盘是否连接，空间是否足够）。</translation>
    </message>
    <message>
        <source>Training step {step}/{of}: {lesson}</source>
        <translation>第 {step}/{of} 步：{lesson}</translation>
    </message>
    <message>
        <source>Training: the paper roll is back in; the held receipts print now.</source>
        <translation>培训：新纸卷已装好，暂停的小票正在打印。</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>未支付</translation>
    </message>
    <message>
        <source>Paying</source>
        <translation>支付中</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>Payment failed</source>
        <translation>支付失败</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Partly refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>State unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <source>Paid, no receipt</source>
        <translation>已付款无小票</translation>
    </message>
    <message>
        <source>Dropped order</source>
        <translation>掉单</translation>
    </message>
    <message>
        <source>Payment stuck</source>
        <translation>支付卡住</translation>
    </message>
    <message>
        <source>Printer fault</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <source>Platform fault</source>
        <translation>平台故障</translation>
    </message>
    <message>
        <source>Receipt printed twice</source>
        <translation>小票重复打印</translation>
    </message>
    <message>
        <source>Receipt without payment</source>
        <translation>有小票未付款</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>Paid on the platform, no receipt from the till in time.</source>
        <translation>平台显示已付款，但收银机没有按时出小票。</translation>
    </message>
    <message>
        <source>Customer shows paid, the platform says unpaid (dropped order).</source>
        <translation>顾客显示已付款，平台显示未支付（掉单）。</translation>
    </message>
    <message>
        <source>The order is not paid and the customer has no voucher.</source>
        <translation>订单未支付，顾客也没有支付凭证。</translation>
    </message>
    <message>
        <source>The payment failed at the payment channel.</source>
        <translation>支付渠道返回支付失败。</translation>
    </message>
    <message>
        <source>The order was refunded after its sale receipt.</source>
        <translation>订单在打印销售小票后被退款。</translation>
    </message>
    <message>
        <source>The order waited for payment too long.</source>
        <translation>订单等待支付的时间过长。</translation>
    </message>
    <message>
        <source>A printer fault held the print queue.</source>
        <translation>打印机故障，打印队列暂停。</translation>
    </message>
    <message>
        <source>The merchant platform could not be reached.</source>
        <translation>无法连接商户平台。</translation>
    </message>
    <message>
        <source>The same order was printed twice as an original.</source>
        <translation>同一订单的小票被当作原件打印了两次。</translation>
    </message>
    <message>
        <source>A receipt was printed but the platform does not show the order paid.</source>
        <translation>已打印小票，但平台显示订单未支付。</translation>
    </message>
    <message>
        <source>The disk was full: receipt files waited and were taken in once there was space.</source>
        <translation>磁盘曾满：小票文件在有空间后才补记。</translation>
    </message>
    <message>
        <source>The receipt&apos;s amount is not the amount the platform took.</source>
        <translation>小票金额与平台实收金额不一致。</translation>
    </message>
    <message>
        <source>Refund without a refund receipt</source>
        <translation>已退款但无退款小票</translation>
    </message>
    <message>
        <source>Lesson {step}/{of} done: {score} points of 100.</source>
        <translation>第 {step}/{of} 课完成：{score} 分（满分 100）。</translation>
    </message>
    <message>
        <source>Trainee {trainee}: {lessons} of {of} lessons done, {average} points on average.</source>
        <translation>学员 {trainee}：已完成 {of} 课中的 {lessons} 课，平均 {average} 分。</translation>
    </message>
    <message>
        <source>The next trainee signs in with F12.</source>
        <translation>下一位学员按 F12 登录。</translation>
    </message>
    <message>
        <source>Refund receipt, no refund on the platform</source>
        <translation>有退款小票，平台无退款</translation>
    </message>
    <message>
        <source>A refund receipt was printed, but the platform shows no refund for the order.</source>
        <translation>已打印退款小票，但平台上该订单没有退款记录。</translation>
    </message>
    <message>
        <source>The order was refunded on the platform, but no refund receipt was printed.</source>
        <translation>平台上该订单已退款，但没有打印退款小票。</translation>
    </message>
    <message>
        <source>Receipt reprinted</source>
        <translation>已补打小票</translation>
    </message>
    <message>
        <source>Receipt printed</source>
        <translation>已打印小票</translation>
    </message>
    <message>
        <source>Paid after sync</source>
        <translation>同步后已支付</translation>
    </message>
    <message>
        <source>Order closed, payment taken again</source>
        <translation>已关单并重新收款</translation>
    </message>
    <message>
        <source>Money returned to the customer</source>
        <translation>款项原路退回</translation>
    </message>
    <message>
        <source>Reported for handling</source>
        <translation>已上报处理</translation>
    </message>
    <message>
        <source>Resolved by itself</source>
        <translation>已自动恢复</translation>
    </message>
    <message>
        <source>No action needed</source>
        <translation>无需处理</translation>
    </message>
    <message>
        <source>Fault fixed</source>
        <translation>故障已排除</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>发现异常</translation>
    </message>
    <message>
        <source>Looked up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Order closed</source>
        <translation>关闭订单</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Case closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Customer shows a payment voucher</source>
        <translation>顾客有支付凭证</translation>
    </message>
    <message>
        <source>Customer has no payment voucher</source>
        <translation>顾客没有支付凭证</translation>
    </message>
    <message>
        <source>Customer not asked yet</source>
        <translation>还没有询问顾客</translation>
    </message>
    <message>
        <source>The platform would not close the order</source>
        <translation>平台无法关闭这笔订单</translation>
    </message>
    <message>
        <source>Order not found</source>
        <translation>未找到订单</translation>
    </message>
    <message>
        <source>Not findable by the third-party number yet</source>
        <translation>第三方订单号暂时查不到</translation>
    </message>
    <message>
        <source>Customer contact recorded</source>
        <translation>已记录顾客联系方式</translation>
    </message>
    <message>
        <source>Customer contact removed</source>
        <translation>已删除顾客联系方式</translation>
    </message>
    <message>
        <source>Overdue: no answer within the working days allowed</source>
        <translation>已超时：规定工作日内未得到答复</translation>
    </message>
    <message>
        <source>No payment started for this number yet</source>
        <translation>该单号尚未发起支付</translation>
    </message>
    <message>
        <source>The platform answers again</source>
        <translation>平台已恢复应答</translation>
    </message>
    <message>
        <source>No printer to print from here: left for the cashier</source>
        <translation>此处没有可用的打印机：留给收银员处理</translation>
    </message>
    <message>
        <source>Paid too long ago to print by itself: left for the cashier</source>
        <translation>付款时间太久，不自动补打：留给收银员处理</translation>
    </message>
    <message>
        <source>The print queue did not take the receipt</source>
        <translation>打印队列未接收该小票</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <translation>未打印：{reason}</translation>
    </message>
    <message>
        <source>State unknown ({reason})</source>
        <translation>状态未知（{reason}）</translation>
    </message>
    <message>
        <source>Print job {job} queued</source>
        <translation>打印任务 {job} 已排队</translation>
    </message>
    <message>
        <source>Merchant order number</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Third-party order number</source>
        <translation>第三方订单号</translation>
    </message>
    <message>
        <source>Paid. You can reprint the receipt.</source>
        <translation>已支付。可以补打小票。</translation>
    </message>
    <message>
        <source>Paid, partly refunded. You can reprint the receipt; the refund goes back by itself.</source>
        <translation>已支付，部分退款。可以补打小票；退款部分会原路退回顾客。</translation>
    </message>
    <message>
        <source>The customer has paid but the platform shows unpaid: possibly a dropped order. Press &quot;Sync order&quot;.</source>
        <translation>顾客已付款但平台显示未支付，可能是掉单。请点&quot;同步订单&quot;。</translation>
    </message>
    <message>
        <source>Still unpaid after the sync. Do not take payment again; sync once more or report it for handling.</source>
        <translation>同步后平台仍显示未支付。请勿重新收款；可以再同步一次，或上报处理。</translation>
    </message>
    <message>
        <source>The payment did not go through. Close the order first, then take payment again with a new order.</source>
        <translation>支付未成功。请先关闭原订单，再用新订单号重新收款。</translation>
    </message>
    <message>
        <source>The customer may still be entering the password. Wait; if they give up, close the order before taking payment again.</source>
        <translation>顾客可能还在输入支付密码，请稍等；如果顾客放弃，请先关闭原订单，再重新收款。</translation>
    </message>
    <message>
        <source>The platform shows unpaid. Ask the customer first:</source>
        <translation>平台显示未支付。请先问顾客：</translation>
    </message>
    <message>
        <source>The payment failed; the customer was not charged. You can take payment again with a new order.</source>
        <translation>支付失败，顾客没有被扣款。可以用新订单号重新收款。</translation>
    </message>
    <message>
        <source>The platform cannot tell whether this order is paid. Press &quot;Sync order&quot; to ask the payment channel; do not take payment again.</source>
        <translation>平台也无法确定这笔订单是否已支付。请点&quot;同步订单&quot;向支付渠道确认；请勿重新收款。</translation>
    </message>
    <message>
        <source>No order with this number. Check the number and look it up again.</source>
        <translation>没有找到这个订单号。请核对号码后再查。</translation>
    </message>
    <message>
        <source>No such order on the platform, and the customer&apos;s phone shows no payment: the customer was not charged. It is safe to take payment again.</source>
        <translation>平台上没有这笔订单，顾客手机上也没有支付记录：顾客没有被扣款。可以放心重新收款。</translation>
    </message>
    <message>
        <source>The customer shows a payment voucher, but the platform has no order with this number. Look up the merchant order number shown in the voucher&apos;s details. Do not take payment again.</source>
        <translation>顾客出示了支付凭证，但平台上没有这个单号的订单。请按凭证详情中的商户订单号查询。不要重新收款。</translation>
    </message>
    <message>
        <source>The platform has not yet heard of this payment from the channel, so the third-party number finds nothing yet. Look it up by the merchant order number.</source>
        <translation>平台还没有收到支付渠道的成功通知，第三方订单号暂时查不到。请用商户订单号查询。</translation>
    </message>
    <message>
        <source>The order&apos;s state cannot be confirmed right now. Do not take payment again; look it up later or call technical support.</source>
        <translation>暂时无法确认订单状态，请勿重新收款，稍后再查或联系技术支持。</translation>
    </message>
    <message>
        <source>The payment channel itself says this order is not paid; there is nothing to sync. Check that the voucher shows this merchant order number and this store, then look it up again.</source>
        <translation>支付渠道本身显示此订单未支付，无需补单。请核对顾客支付凭证上的商户订单号和收款门店是否一致，然后重新查询。</translation>
    </message>
    <message>
        <source>No payment has started for this number yet: the customer has not scanned the code, or the number is wrong. The code can still be paid: do not take payment again; ask the customer and look it up again.</source>
        <translation>该单号尚未发起支付：顾客还没有扫码，或单号有误。该收款码仍可被支付：请勿重复收款，先询问顾客，再重新查询。</translation>
    </message>
    <message>
        <source>{platform} is the payment channel itself: its answer is final, a fresh look-up is the sync.</source>
        <translation>{platform}本身就是支付渠道：查询结果即为最终结果，重新查询即是补单。</translation>
    </message>
    <message>
        <source>The merchant platform</source>
        <translation>商户平台</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Paid, but no receipt was printed. Print the receipt.</source>
        <translation>已支付，但还没有打印小票。请打印小票。</translation>
    </message>
    <message>
        <source>Result: {code}</source>
        <translation>结果：{code}</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <source>Sync order</source>
        <translation>同步订单</translation>
    </message>
    <message>
        <source>Close order and take payment again</source>
        <translation>关闭订单并重新收款</translation>
    </message>
    <message>
        <source>Look up by merchant order number</source>
        <translation>按商户订单号查询</translation>
    </message>
    <message>
        <source>Look up again</source>
        <translation>再查一次</translation>
    </message>
    <message>
        <source>Report for handling</source>
        <translation>上报处理</translation>
    </message>
    <message>
        <source>Check the number</source>
        <translation>核对号码</translation>
    </message>
    <message>
        <source>This is not an order number.</source>
        <translation>这不是有效的订单号。</translation>
    </message>
    <message>
        <source>Check the number and type or scan it again.</source>
        <translation>请核对后重新输入或扫描。</translation>
    </message>
    <message>
        <source>This case no longer exists.</source>
        <translation>这个案例已不存在。</translation>
    </message>
    <message>
        <source>This case is already closed.</source>
        <translation>这个案例已经结案。</translation>
    </message>
    <message>
        <source>Write the note first.</source>
        <translation>请先写好备注。</translation>
    </message>
    <message>
        <source>Only a closed case can be replayed in training.</source>
        <translation>只有已结案的案例才能用于培训重演。</translation>
    </message>
    <message>
        <source>Choose how the case ended.</source>
        <translation>请选择处理结果。</translation>
    </message>
    <message>
        <source>This step is not allowed for this order now.</source>
        <translation>这笔订单现在不能执行这个操作。</translation>
    </message>
    <message>
        <source>Look the order up again.</source>
        <translation>请重新查询订单。</translation>
    </message>
    <message>
        <source>The receipt could not be sent to the print queue.</source>
        <translation>小票无法加入打印队列。</translation>
    </message>
    <message>
        <source>Check the printer, then try again.</source>
        <translation>请检查打印机后重试。</translation>
    </message>
    <message>
        <source>This print job has just been printed or cancelled.</source>
        <translation>这个打印任务刚刚已打印或已取消。</translation>
    </message>
    <message>
        <source>Look at the receipts list for its state.</source>
        <translation>请在小票列表中查看它的状态。</translation>
    </message>
    <message>
        <source>The lookup failed.</source>
        <translation>查询失败。</translation>
    </message>
    <message>
        <source>The settings file cannot be read: nothing was changed.</source>
        <translation>设置文件无法读取：没有做任何更改。</translation>
    </message>
    <message>
        <source>Call the technician (cashier-app config check).</source>
        <translation>请联系技术人员（cashier-app config check）。</translation>
    </message>
    <message>
        <source>Order lookup is not available.</source>
        <translation>订单查询不可用。</translation>
    </message>
    <message>
        <source>Ask the technician to set up the merchant platform.</source>
        <translation>请维护人员配置商户平台。</translation>
    </message>
    <message>
        <source>Give the whole number, or at least its last 4 digits.</source>
        <translation>请输入完整单号，或至少后4位。</translation>
    </message>
    <message>
        <source>This is not an amount in yuan.</source>
        <translation>这不是以元为单位的金额。</translation>
    </message>
    <message>
        <source>Type it like 38.50, or a range like 30-40.</source>
        <translation>请输入如 38.50，或范围如 30-40。</translation>
    </message>
    <message>
        <source>Give one amount or a range, not both.</source>
        <translation>请输入一个金额或一个范围，不要同时输入。</translation>
    </message>
    <message>
        <source>The largest amount is below the smallest.</source>
        <translation>最大金额小于最小金额。</translation>
    </message>
    <message>
        <source>This is not a date.</source>
        <translation>这不是日期。</translation>
    </message>
    <message>
        <source>Type it like 2026-11-24, or 2026-11-24 14:30.</source>
        <translation>请输入如 2026-11-24，或 2026-11-24 14:30。</translation>
    </message>
    <message>
        <source>The end of the dates is before their start.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Choose a payment channel from the list.</source>
        <translation>请从列表中选择支付渠道。</translation>
    </message>
    <message>
        <source>Choose a receipt state from the list.</source>
        <translation>请从列表中选择小票状态。</translation>
    </message>
    <message>
        <source>This receipt is not in the journal.</source>
        <translation>日志中没有这张小票。</translation>
    </message>
    <message>
        <source>This print job is not one of the receipt&apos;s.</source>
        <translation>这个打印任务不属于这张小票。</translation>
    </message>
    <message>
        <source>Too many receipts asked for at once.</source>
        <translation>一次查询的小票太多。</translation>
    </message>
    <message>
        <source>No such shift on this day.</source>
        <translation>这一天没有这个班次。</translation>
    </message>
    <message>
        <source>This day has not begun yet.</source>
        <translation>这一天还没开始。</translation>
    </message>
    <message>
        <source>This receipt&apos;s original is still waiting for the printer.</source>
        <translation>这张小票的原件还在等待打印机。</translation>
    </message>
    <message>
        <source>It prints by itself once the printer can: no copy is needed.</source>
        <translation>打印机恢复后会自动打印，无需补打。</translation>
    </message>
    <message>
        <source>A copy of this receipt is already on its way to the printer.</source>
        <translation>这张小票的一份补打已在打印中。</translation>
    </message>
    <message>
        <source>The platform answers but refuses this till: its merchant key, its clock or its registration.</source>
        <translation>平台有应答，但拒绝本机：商户密钥、时钟或终端登记有问题。</translation>
    </message>
    <message>
        <source>The order was closed before it was paid: no money was taken. Take payment again with a new order.</source>
        <translation>订单在付款前已关闭：没有扣款。请用新订单重新收款。</translation>
    </message>
    <message>
        <source>The order was revoked or refunded: the money goes back to the customer by itself. No receipt to print.</source>
        <translation>订单已撤销或退款，款项会自动原路退回顾客，无需打印小票。</translation>
    </message>
    <message>
        <source>Paid. The receipt is printing.</source>
        <translation>已支付。小票正在打印。</translation>
    </message>
    <message>
        <source>Paid. The receipt waits for the printer.</source>
        <translation>已支付。小票在等打印机。</translation>
    </message>
    <message>
        <source>Payment taken again</source>
        <translation>已重新收款</translation>
    </message>
    <message>
        <source>Nothing printed: this order&apos;s receipt was printed or queued meanwhile.</source>
        <translation>没有打印：这笔订单的小票刚刚已打印或已在排队。</translation>
    </message>
    <message>
        <source>The page shows it as it is now.</source>
        <translation>页面已显示最新情况。</translation>
    </message>
    <message>
        <source>This order has had its receipt: reprint a copy instead.</source>
        <translation>这笔订单已打印过小票，请改为补打一联。</translation>
    </message>
    <message>
        <source>Only a paid order gets a receipt.</source>
        <translation>只有已付款的订单才能打印小票。</translation>
    </message>
    <message>
        <source>This printer is not set up.</source>
        <translation>这台打印机未设置。</translation>
    </message>
    <message>
        <source>The journal could not be copied: {detail}</source>
        <translation>日志无法备份：{detail}</translation>
    </message>
    <message>
        <source>Wrong person number or PIN.</source>
        <translation>人员编号或 PIN 错误。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this number is locked until {until}.</source>
        <translation>PIN 错误次数过多：此编号已锁定至 {until}。</translation>
    </message>
    <message>
        <source>A manager can set a new PIN on the People page.</source>
        <translation>店长可以在“人员”页面设置新的 PIN。</translation>
    </message>
    <message>
        <source>This person number is disabled.</source>
        <translation>此人员编号已停用。</translation>
    </message>
    <message>
        <source>Ask the manager.</source>
        <translation>请联系店长。</translation>
    </message>
    <message>
        <source>Only a manager&apos;s PIN can allow this.</source>
        <translation>只有店长的 PIN 才能授权此操作。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed for this.</source>
        <translation>此操作需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>This person number exists already.</source>
        <translation>此人员编号已存在。</translation>
    </message>
    <message>
        <source>There is no such person number.</source>
        <translation>没有这个人员编号。</translation>
    </message>
    <message>
        <source>A person number is 1 to 16 letters or digits.</source>
        <translation>人员编号为 1 到 16 位字母或数字。</translation>
    </message>
    <message>
        <source>A name has at most 40 characters.</source>
        <translation>姓名最多 40 个字。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>The last manager cannot be disabled.</source>
        <translation>不能停用最后一位店长。</translation>
    </message>
    <message>
        <source>Add another manager first.</source>
        <translation>请先添加另一位店长。</translation>
    </message>
    <message>
        <source>You cannot disable yourself while signed in.</source>
        <translation>登录状态下不能停用自己。</translation>
    </message>
    <message>
        <source>A manager exists already: ask a manager to add you.</source>
        <translation>已有店长：请让店长为您添加账号。</translation>
    </message>
    <message>
        <source>A PIN is digits only.</source>
        <translation>PIN 只能是数字。</translation>
    </message>
    <message>
        <source>A PIN has at least 4 digits.</source>
        <translation>PIN 至少 4 位数字。</translation>
    </message>
    <message>
        <source>A PIN has at most 12 digits.</source>
        <translation>PIN 最多 12 位数字。</translation>
    </message>
    <message>
        <source>Choose a PIN that is not one digit repeated, a run like 1234, or the person number.</source>
        <translation>请选择不是重复数字、不是 1234 这样的连号、也不是人员编号的 PIN。</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>两次输入的 PIN 不一致。</translation>
    </message>
    <message>
        <source>This action is not known (a fault in the app).</source>
        <translation>无法识别此操作（程序故障）。</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to reprint a receipt.</source>
        <translation>补打小票需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to cancel a print job.</source>
        <translation>取消打印任务需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to move a print job to another printer.</source>
        <translation>把打印任务转到另一台打印机需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to close an order.</source>
        <translation>关单需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to close a case.</source>
        <translation>结案需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to change the settings.</source>
        <translation>修改设置需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to change the platform key.</source>
        <translation>更改平台密钥需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to manage people.</source>
        <translation>管理人员需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed to see the audit trail.</source>
        <translation>查看操作记录需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN is needed for the technician&apos;s tools.</source>
        <translation>使用技术员工具需要店长输入 PIN。</translation>
    </message>
    <message>
        <source>Receipt printed from the platform&apos;s record</source>
        <translation>按平台记录打印小票</translation>
    </message>
    <message>
        <source>Receipt printed on request</source>
        <translation>按要求打印小票</translation>
    </message>
    <message>
        <source>Print job cancelled</source>
        <translation>打印任务已取消</translation>
    </message>
    <message>
        <source>Print job moved</source>
        <translation>打印任务已转移</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>登录被拒</translation>
    </message>
    <message>
        <source>Locked after wrong PINs</source>
        <translation>PIN 错误次数过多被锁定</translation>
    </message>
    <message>
        <source>Manager&apos;s approval refused</source>
        <translation>店长授权被拒</translation>
    </message>
    <message>
        <source>Person added</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Person disabled</source>
        <translation>停用人员</translation>
    </message>
    <message>
        <source>Person enabled again</source>
        <translation>重新启用人员</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>更改 PIN</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Platform key changed</source>
        <translation>更改平台密钥</translation>
    </message>
    <message>
        <source>Platform key deleted</source>
        <translation>删除平台密钥</translation>
    </message>
    <message>
        <source>Case used as a training lesson</source>
        <translation>案例用作培训课程</translation>
    </message>
    <message>
        <source>shift change</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>长时间未操作</translation>
    </message>
    <message>
        <source>app closed</source>
        <translation>程序关闭</translation>
    </message>
    <message>
        <source>You looked the order up.</source>
        <translation>你查询了订单。</translation>
    </message>
    <message>
        <source>Look the order up first: its state on the platform decides everything else.</source>
        <translation>先查询订单：订单在平台上的状态决定下一步怎么做。</translation>
    </message>
    <message>
        <source>You synced the order before concluding anything.</source>
        <translation>你在下结论之前先补单了。</translation>
    </message>
    <message>
        <source>Sync the order before concluding: the platform may not have heard from the payment channel yet.</source>
        <translation>下结论之前先补单：平台可能还没收到支付渠道的通知。</translation>
    </message>
    <message>
        <source>You did not take payment again while the order&apos;s state was unknown.</source>
        <translation>订单状态未知时，你没有重新收款。</translation>
    </message>
    <message>
        <source>You took payment again while the order&apos;s state was unknown: the customer may be charged twice. Wait until the platform answers.</source>
        <translation>订单状态未知时你重新收款了：顾客可能被重复扣款。请等平台答复后再处理。</translation>
    </message>
    <message>
        <source>You closed the unpaid order before taking payment again.</source>
        <translation>你在重新收款前先关闭了未支付的订单。</translation>
    </message>
    <message>
        <source>Close the unpaid order before taking payment again, so that it cannot be paid as well.</source>
        <translation>重新收款前先关闭未支付的订单，以免原订单之后又被支付。</translation>
    </message>
    <message>
        <source>You looked it up by the merchant order number.</source>
        <translation>你用商户订单号查询了。</translation>
    </message>
    <message>
        <source>The third-party number finds nothing until the platform has the channel&apos;s notice: look up the merchant order number from the voucher&apos;s details.</source>
        <translation>平台收到渠道通知之前，按第三方单号查不到：请用凭证详情里的商户订单号查询。</translation>
    </message>
    <message>
        <source>The customer got exactly one receipt.</source>
        <translation>顾客拿到了一张小票，不多不少。</translation>
    </message>
    <message>
        <source>The customer did not get exactly one receipt: print it once (a held receipt prints by itself once the printer is back).</source>
        <translation>顾客没有恰好拿到一张小票：只打印一次（暂停的小票在打印机恢复后会自动打印）。</translation>
    </message>
    <message>
        <source>You loaded paper and the held receipt printed by itself.</source>
        <translation>你装好了纸，暂停的小票自动打印了。</translation>
    </message>
    <message>
        <source>Load paper: the held receipt then prints by itself.</source>
        <translation>请装纸：暂停的小票随后会自动打印。</translation>
    </message>
    <message>
        <source>You recorded the result.</source>
        <translation>你记录了处理结果。</translation>
    </message>
    <message>
        <source>Record the result: close the case with what happened, or report it for handling.</source>
        <translation>请记录结果：按实际情况结案，或上报处理。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>WeChat default</source>
        <translation>微信默认</translation>
    </message>
    <message>
        <source>Alipay default</source>
        <translation>支付宝默认</translation>
    </message>
    <message>
        <source>refund default</source>
        <translation>退款默认</translation>
    </message>
    <message>
        <source>bank card (MIS-POS)</source>
        <translation>银行卡（MIS-POS）</translation>
    </message>
    <message>
        <source>the till vendor&apos;s own</source>
        <translation>收银厂商自带</translation>
    </message>
    <message>
        <source>an unknown template ({fingerprint})</source>
        <translation>未知模板（{fingerprint}）</translation>
    </message>
    <message>
        <source>Ask the technician to set up the system keyring.</source>
        <translation>请联系技术人员设置系统钥匙串。</translation>
    </message>
    <message>
        <source>Cashier Companion is already running. Look for it in the taskbar or tray.</source>
        <translation>收银伴侣已经在运行。请在任务栏或托盘中找到它。</translation>
    </message>
    <message>
        <source>New case: {kind}, order {out_trade_no}.</source>
        <translation>新异常：{kind}，订单 {out_trade_no}。</translation>
    </message>
    <message>
        <source>See the cases page.</source>
        <translation>请查看“异常案例”页。</translation>
    </message>
    <message>
        <source>Case {case_id} updated.</source>
        <translation>案例 {case_id} 已更新。</translation>
    </message>
    <message>
        <source>No till folder is set up: receipts are not being picked up.</source>
        <translation>没有设置收银机的小票文件夹：小票不会被读取。</translation>
    </message>
    <message>
        <source>Ask the technician to set the till&apos;s print folder.</source>
        <translation>请维护人员设置收银机的打印文件夹。</translation>
    </message>
    <message>
        <source>A receipt file could not be taken: {path}</source>
        <translation>无法读取小票文件：{path}</translation>
    </message>
    <message>
        <source>New case: {kind}.</source>
        <translation>新异常：{kind}。</translation>
    </message>
    <message>
        <source>Notice: {code}</source>
        <translation>提示：{code}</translation>
    </message>
    <message>
        <source>The action failed: {detail}</source>
        <translation>操作失败：{detail}</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>UnionPay QuickPass</source>
        <translation>云闪付</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>Waiting to print</source>
        <translation>等待打印</translation>
    </message>
    <message>
        <source>Printing held</source>
        <translation>暂停打印</translation>
    </message>
    <message>
        <source>Printed by the till</source>
        <translation>收银机打印</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <source>Reprinted</source>
        <translation>已补打</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Unknown ({code})</source>
        <translation>未知（{code}）</translation>
    </message>
</context>
<context>
    <name>MissingReceiptBanner</name>
    <message>
        <source>Not printed: the state of order {order} cannot be confirmed right now ({reason}). Do not take payment again; try again in a moment.</source>
        <translation>未打印：暂时无法确认订单 {order} 的状态（{reason}）。请勿重新收款，稍后再试。</translation>
    </message>
    <message>
        <source>Not printed: order {order} is {state} now.</source>
        <translation>未打印：订单 {order} 现在是“{state}”。</translation>
    </message>
    <message>
        <source>Not printed: {verdict}</source>
        <translation>未打印：{verdict}</translation>
    </message>
    <message>
        <source>Paid, no receipt printed: order {order}  {amount}</source>
        <translation>已付款未出小票：订单 {order}  {amount}</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>打印小票</translation>
    </message>
    <message>
        <source>Print this order&apos;s receipt from the platform&apos;s record</source>
        <translation>按平台记录打印本订单的小票</translation>
    </message>
    <message>
        <source>Receipt of order {order} sent to the printer (from the platform&apos;s record).</source>
        <translation>订单 {order} 的小票已送去打印（按平台记录补打）。</translation>
    </message>
    <message>
        <source>Checking the order with the platform, then printing…</source>
        <translation>正在向平台确认订单，随后打印…</translation>
    </message>
    <message>
        <source>Paid, no receipt printed: order {order} {amount}. Press F9 to print its receipt.</source>
        <translation>已付款未出小票：订单 {order} {amount}。按 F9 打印小票。</translation>
    </message>
    <message>
        <source>Paid, no receipt printed: order {order} {amount}. Its print button is in the banner at the top.</source>
        <translation>已付款未出小票：订单 {order} {amount}。请点窗口顶部提示条里的“打印小票”。</translation>
    </message>
    <message>
        <source>No paid order is waiting for its receipt.</source>
        <translation>没有等待打印小票的已付款订单。</translation>
    </message>
    <message>
        <source>Still printing order {order}; one moment.</source>
        <translation>正在打印订单 {order}，请稍候。</translation>
    </message>
    <message>
        <source>Not printed: {reason}</source>
        <translation>未打印：{reason}</translation>
    </message>
    <message>
        <source>and {count} more orders waiting for their receipt (see the cases page)</source>
        <translation>另有 {count} 单等待打印小票（见“异常案例”页）</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>New PIN for {number}</source>
        <translation>为 {number} 设置新 PIN</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <source>Person &amp;number</source>
        <translation>人员编号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>再次输入 PIN(&amp;A)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>New PIN set for {person}.</source>
        <translation>已为 {person} 设置新 PIN。</translation>
    </message>
    <message>
        <source>{person} added ({role}).</source>
        <translation>已添加 {person}（{role}）。</translation>
    </message>
    <message>
        <source>{person} can no longer sign in.</source>
        <translation>{person} 已停用，不能再登录。</translation>
    </message>
    <message>
        <source>{person} can sign in again.</source>
        <translation>{person} 已重新启用，可以登录。</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Enable again</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>People sign in with their number and PIN. A cashier needs a manager&apos;s PIN for protected actions; a technician sets the till up.</source>
        <translation>人员用编号和 PIN 登录。收银员进行受保护的操作需要店长输入 PIN；技术员负责设置收银台。</translation>
    </message>
    <message>
        <source>Sign-in is off at this till ([signin] enabled = false): the people added here sign in once it is switched on.</source>
        <translation>本收银台未开启登录（[signin] enabled = false）：开启后，在此添加的人员即可登录。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>添加人员…</translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation>设置新 PIN…</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>People of this till</source>
        <translation>本收银台的人员</translation>
    </message>
    <message>
        <source>Number, name, role, status and last sign-in</source>
        <translation>编号、姓名、角色、状态和最近登录</translation>
    </message>
</context>
<context>
    <name>PrinterChoiceDialog</name>
    <message>
        <source>Print on another printer</source>
        <translation>转到其他打印机</translation>
    </message>
    <message>
        <source>Print the receipt of order {order} on this printer instead:</source>
        <translation>改用下面这台打印机打印订单 {order} 的小票：</translation>
    </message>
    <message>
        <source>Send to this printer</source>
        <translation>转到这台打印机</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Printer to send the receipt to</source>
        <translation>要发送小票的打印机</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Choose or type a reason</source>
        <translation>选择或输入原因</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Customer asked for a copy</source>
        <translation>顾客要求补打</translation>
    </message>
    <message>
        <source>Receipt unreadable</source>
        <translation>小票字迹不清</translation>
    </message>
    <message>
        <source>Paper jam</source>
        <translation>卡纸</translation>
    </message>
    <message>
        <source>Printer fault fixed</source>
        <translation>打印机故障已排除</translation>
    </message>
    <message>
        <source>Receipt no longer needed</source>
        <translation>不再需要小票</translation>
    </message>
    <message>
        <source>Order was cancelled</source>
        <translation>订单已取消</translation>
    </message>
    <message>
        <source>Already printed another way</source>
        <translation>已用其他方式打印</translation>
    </message>
</context>
<context>
    <name>ReceiptPicture</name>
    <message>
        <source>As printed: drawn from the bytes the printer took.</source>
        <translation>与打印一致：按打印机收到的数据绘制。</translation>
    </message>
    <message>
        <source>As it will print: this copy is still waiting.</source>
        <translation>将这样打印：这一联还在等待打印。</translation>
    </message>
    <message>
        <source>Laid out again from the receipt: the bytes sent are no longer kept.</source>
        <translation>按小票内容重新排版：当时发送的数据已不再保存。</translation>
    </message>
    <message>
        <source>As it would print: this app has not printed it.</source>
        <translation>打印效果预览：本程序未打印过这张小票。</translation>
    </message>
    <message>
        <source>queued when the app started (it had not been yet)</source>
        <translation>程序启动时补排（此前未排队）</translation>
    </message>
    <message>
        <source>from the platform&apos;s record: print.txt never came</source>
        <translation>按平台记录打印：未收到 print.txt</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原件</translation>
    </message>
    <message>
        <source>Cancelled (copy {copy})</source>
        <translation>已取消（第{copy}联）</translation>
    </message>
    <message>
        <source>Copy {copy}, reprint</source>
        <translation>第{copy}联，重打</translation>
    </message>
    <message>
        <source>printed again after an interrupted send</source>
        <translation>打印中断后重新打印</translation>
    </message>
    <message>
        <source>Drawing the receipt…</source>
        <translation>正在绘制小票…</translation>
    </message>
    <message>
        <source>Receipt {order} · {amount}</source>
        <translation>小票 {order} · {amount}</translation>
    </message>
    <message>
        <source>Not printed by this app.</source>
        <translation>本程序未打印过。</translation>
    </message>
    <message>
        <source>Print history</source>
        <translation>打印记录</translation>
    </message>
    <message>
        <source>The original, then each reprint with its reason, person and time</source>
        <translation>原始打印，然后是每次补打的原因、人员和时间</translation>
    </message>
    <message>
        <source>The selected receipt as printed</source>
        <translation>所选小票的打印效果</translation>
    </message>
</context>
<context>
    <name>ReceiptsModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Receipt no. {id}</source>
        <translation>小票编号 {id}</translation>
    </message>
    <message>
        <source>Template: {template}</source>
        <translation>模板：{template}</translation>
    </message>
    <message>
        <source>Encoding: {encoding}</source>
        <translation>编码：{encoding}</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>Last printed receipt</source>
        <translation>最近打印的小票</translation>
    </message>
    <message>
        <source>Today&apos;s receipts</source>
        <translation>今日小票</translation>
    </message>
    <message>
        <source>No receipts yet today. New receipts appear here by themselves.</source>
        <translation>今天还没有小票。新的小票会自动显示在这里。</translation>
    </message>
    <message>
        <source>Newest first, with whether each was printed; Ctrl+P reprints the selected one</source>
        <translation>最新在前，显示是否已打印；Ctrl+P 补打所选小票</translation>
    </message>
    <message>
        <source>Reprint the selected receipt</source>
        <translation>补打所选小票</translation>
    </message>
    <message>
        <source>Asks for a reason, which goes into the audit trail</source>
        <translation>会询问原因，并记入审计记录</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <source>Today&apos;s totals</source>
        <translation>今日合计</translation>
    </message>
    <message>
        <source>Reprint (Ctrl+P)</source>
        <translation>重打 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Reprint selected (Ctrl+P)</source>
        <translation>补打所选 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Select a receipt in the table first.</source>
        <translation>请先在表格中选择一张小票。</translation>
    </message>
    <message>
        <source>Reprint the receipt of order {order} ({amount})? Choose the reason.</source>
        <translation>补打订单 {order}（{amount}）的小票？请选择原因：</translation>
    </message>
    <message>
        <source>Reprint receipt</source>
        <translation>补打小票</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <source>{count} receipts  ·  net {amount}</source>
        <translation>共 {count} 笔  ·  合计 {amount}</translation>
    </message>
    <message>
        <source>(refunds: {count})</source>
        <translation>（含退款 {count} 笔）</translation>
    </message>
</context>
<context>
    <name>RecordCsv</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Approved by (manager)</source>
        <translation>授权店长</translation>
    </message>
    <message>
        <source>Merchant order no.</source>
        <translation>商户订单号</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>案例编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>发现人</translation>
    </message>
    <message>
        <source>Third-party order no.</source>
        <translation>第三方订单号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>支付渠道</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Payment state</source>
        <translation>支付状态</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Customer contact</source>
        <translation>顾客联系方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>结案人</translation>
    </message>
    <message>
        <source>Handled in (min)</source>
        <translation>处理时长（分钟）</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <source>Working days since escalated</source>
        <translation>上报后工作日数</translation>
    </message>
    <message>
        <source>Steps (time, action, person, payment state, outcome, note)</source>
        <translation>处理过程（时间、操作、人员、支付状态、结果、备注）</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Practice order no.</source>
        <translation>练习订单号</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>用时（分钟）</translation>
    </message>
    <message>
        <source>Score (of 100)</source>
        <translation>得分（满分 100）</translation>
    </message>
    <message>
        <source>Done right</source>
        <translation>做得对的</translation>
    </message>
    <message>
        <source>To do next time</source>
        <translation>下次注意</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Shift report: {day}, shift {number}</source>
        <translation>交班报表：{day} 第{number}班</translation>
    </message>
    <message>
        <source>(running)</source>
        <translation>（进行中）</translation>
    </message>
    <message>
        <source>Day report: {day}</source>
        <translation>日报表：{day}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>all operators</source>
        <translation>全部收银员</translation>
    </message>
    <message>
        <source>Operator: {who}</source>
        <translation>收银员：{who}</translation>
    </message>
    <message>
        <source>Handed over by {person}</source>
        <translation>交班人：{person}</translation>
    </message>
    <message>
        <source>Sales and refunds by channel</source>
        <translation>各渠道销售与退款</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>By operator</source>
        <translation>按收银员</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Refunded, closed and reversed on the platform</source>
        <translation>平台上的退款、关闭和撤销订单</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Reprints ({count})</source>
        <translation>重打小票（{count}）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>联</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Paid orders without a receipt ({count})</source>
        <translation>已付款无小票的订单（{count}）</translation>
    </message>
    <message>
        <source>printed from the platform&apos;s record</source>
        <translation>已按平台记录打印</translation>
    </message>
    <message>
        <source>still without a receipt</source>
        <translation>仍无小票</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Platform figures cover every operator.</source>
        <translation>平台数据包含全部收银员。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Hand over the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>End the running shift now? Its report is kept, and the next shift starts at once.</source>
        <translation>现在结束当前班次吗？本班报表会保存，下一班立即开始。</translation>
    </message>
    <message>
        <source>A note for the next shift (optional)</source>
        <translation>给下一班的备注（可选）</translation>
    </message>
    <message>
        <source>Print the shift&apos;s report</source>
        <translation>打印本班报表</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Reports and handover</source>
        <translation>报表与交班</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>交班报表</translation>
    </message>
    <message>
        <source>Day report</source>
        <translation>日报表</translation>
    </message>
    <message>
        <source>&amp;Operator</source>
        <translation>收银员(&amp;O)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show (F5)</source>
        <translation>显示 (F5)</translation>
    </message>
    <message>
        <source>Hand over the shift (交班)…</source>
        <translation>交班…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Back up the journal now</source>
        <translation>立即备份日志</translation>
    </message>
    <message>
        <source>Shift or day report</source>
        <translation>班次报表或日报表</translation>
    </message>
    <message>
        <source>Day of the report</source>
        <translation>报表日期</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>The report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Shift {number}: {start} – now</source>
        <translation>第{number}班：{start} – 现在</translation>
    </message>
    <message>
        <source>Shift {number}: {start} – {end}</source>
        <translation>第{number}班：{start} – {end}</translation>
    </message>
    <message>
        <source>No shift has started on this day.</source>
        <translation>这一天还没有开始的班次。</translation>
    </message>
    <message>
        <source>Shift {number} handed over; the next shift has begun.</source>
        <translation>第{number}班已交班，下一班已开始。</translation>
    </message>
    <message>
        <source>The report is on its way to the printer.</source>
        <translation>报表正在送往打印机。</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>报表已保存到 {path}</translation>
    </message>
    <message>
        <source>No copy of the journal yet in {folder}.</source>
        <translation>{folder} 中还没有日志备份。</translation>
    </message>
    <message>
        <source>Last copy of the journal: {at} ({size} MB); {copies} of {keep} kept in {folder}.</source>
        <translation>最近一次日志备份：{at}（{size} MB）；{folder} 中保留 {copies}/{keep} 份。</translation>
    </message>
    <message>
        <source>Copying the journal…</source>
        <translation>正在备份日志…</translation>
    </message>
    <message>
        <source>The journal was copied to {path}.</source>
        <translation>日志已备份到 {path}。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>{name} written {time}, but it is no receipt: {reason}</source>
        <translation>{name} 于 {time} 写入，但不是小票：{reason}</translation>
    </message>
    <message>
        <source>no order number found</source>
        <translation>未找到订单号</translation>
    </message>
    <message>
        <source>{name} written {time} by template {template} (order {order})</source>
        <translation>{name} 于 {time} 写入，模板：{template}（订单号 {order}）</translation>
    </message>
    <message>
        <source>Nothing was written in {seconds} s. Looked at:</source>
        <translation>{seconds} 秒内没有写入。已查看：</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>holds {files} (no new write)</source>
        <translation>有 {files}（没有新的写入）</translation>
    </message>
    <message>
        <source>holds no file named {patterns}</source>
        <translation>没有名为 {patterns} 的文件</translation>
    </message>
    <message>
        <source>other text files there: {files} — does the till write under another name? Add it to the file names.</source>
        <translation>该处还有其他文本文件：{files} —— 收银程序是否用了别的文件名？请把它加入文件名。</translation>
    </message>
    <message>
        <source>Check: that the payment went through; the till&apos;s setting for where it writes print.txt; that the folder is this one (on a network share, that it is mounted); then watch again.</source>
        <translation>请检查：支付是否成功；收银程序设置的 print.txt 写入位置；是否就是这个文件夹（网络共享需已挂载）；然后再次监视。</translation>
    </message>
    <message>
        <source>The till&apos;s print.txt folder</source>
        <translation>收银程序的 print.txt 文件夹</translation>
    </message>
    <message>
        <source>Stopped watching.</source>
        <translation>已停止监视。</translation>
    </message>
    <message>
        <source>Add the till&apos;s folder first.</source>
        <translation>请先添加收银程序的文件夹。</translation>
    </message>
    <message>
        <source>Cannot watch: {error}</source>
        <translation>无法监视：{error}</translation>
    </message>
    <message>
        <source>Watching {folders}. Make a test payment at the till now…</source>
        <translation>正在监视 {folders}。请现在在收银机上做一笔测试支付…</translation>
    </message>
    <message>
        <source>The till&apos;s folder</source>
        <translation>收银程序文件夹</translation>
    </message>
    <message>
        <source>Where the till&apos;s payment interface writes print.txt. Add the folder, press Watch, and make a test payment.</source>
        <translation>收银程序的支付接口写入 print.txt 的位置。添加文件夹，按“监视”，然后做一笔测试支付。</translation>
    </message>
    <message>
        <source>&amp;Folder (type a full path, or browse):</source>
        <translation>文件夹(&amp;F)（输入完整路径或浏览）：</translation>
    </message>
    <message>
        <source>e.g. C:\Till\print</source>
        <translation>例如 C:\Till\print</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>Folder to add</source>
        <translation>要添加的文件夹</translation>
    </message>
    <message>
        <source>The full path of the folder the till writes print.txt into</source>
        <translation>收银程序写入 print.txt 的文件夹完整路径</translation>
    </message>
    <message>
        <source>Add the folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <source>Browse for the folder</source>
        <translation>浏览选择文件夹</translation>
    </message>
    <message>
        <source>Remove the selected folder</source>
        <translation>移除选中的文件夹</translation>
    </message>
    <message>
        <source>Folders watched</source>
        <translation>监视的文件夹</translation>
    </message>
    <message>
        <source>File names</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Patterns of the receipt files&apos; names, e.g. print*.txt</source>
        <translation>小票文件名的匹配模式，例如 print*.txt</translation>
    </message>
    <message>
        <source>What the watch saw</source>
        <translation>监视结果</translation>
    </message>
    <message>
        <source>Problems to correct</source>
        <translation>需要更正的问题</translation>
    </message>
    <message>
        <source>&amp;Watch for a test payment</source>
        <translation>监视测试支付(&amp;W)</translation>
    </message>
    <message>
        <source>Stop &amp;watching</source>
        <translation>停止监视(&amp;W)</translation>
    </message>
    <message>
        <source>Watch the folders live while you make a test payment</source>
        <translation>在做测试支付时实时监视文件夹</translation>
    </message>
    <message>
        <source>Merchant platform API v1</source>
        <translation>商户平台 API v1</translation>
    </message>
    <message>
        <source>WeChat Pay API v3</source>
        <translation>微信支付 API v3</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>The credential store cannot be asked: {error}</source>
        <translation>无法访问系统凭据库：{error}</translation>
    </message>
    <message>
        <source>The key was not saved: {reason}</source>
        <translation>密钥未保存：{reason}</translation>
    </message>
    <message>
        <source>The key is saved in the credential store.</source>
        <translation>密钥已保存到系统凭据库。</translation>
    </message>
    <message>
        <source>The private key file (PEM)</source>
        <translation>私钥文件（PEM）</translation>
    </message>
    <message>
        <source>The file cannot be read: {error}</source>
        <translation>文件无法读取：{error}</translation>
    </message>
    <message>
        <source>The platform&apos;s public key or certificate (PEM)</source>
        <translation>平台公钥或证书（PEM）</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <source>Saved: {what}</source>
        <translation>已保存：{what}</translation>
    </message>
    <message>
        <source>Asking the platform with a signed request…</source>
        <translation>正在用签名请求询问平台…</translation>
    </message>
    <message>
        <source>The platform answered: it accepts this terminal and its key.</source>
        <translation>平台回复：接受此终端及其密钥。</translation>
    </message>
    <message>
        <source>The platform answered: {reason} ({code}). {hint}</source>
        <translation>平台回复：{reason}（{code}）。{hint}</translation>
    </message>
    <message>
        <source>The check failed: {error}</source>
        <translation>检查失败：{error}</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>API 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Type or paste the terminal&apos;s key</source>
        <translation>输入或粘贴此终端的密钥</translation>
    </message>
    <message>
        <source>&amp;Save key</source>
        <translation>保存密钥(&amp;S)</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Paste the private key (PEM), or read its file</source>
        <translation>粘贴私钥（PEM），或从文件读取</translation>
    </message>
    <message>
        <source>The secret key, hidden as typed</source>
        <translation>密钥（输入时隐藏）</translation>
    </message>
    <message>
        <source>Goes straight to the credential store when saved</source>
        <translation>保存时直接存入系统凭据库</translation>
    </message>
    <message>
        <source>The merchant platform</source>
        <translation>商户平台</translation>
    </message>
    <message>
        <source>A key is stored for {account}.</source>
        <translation>已为 {account} 保存密钥。</translation>
    </message>
    <message>
        <source>No key is stored for {account} yet.</source>
        <translation>尚未为 {account} 保存密钥。</translation>
    </message>
    <message>
        <source>Where the app asks about orders. The key goes straight to this computer&apos;s credential store (on a computer without one, to this app&apos;s key file); never into the configuration.</source>
        <translation>程序在这里查询订单。密钥直接保存到本机的凭据库（本机没有凭据库时，保存到本程序的密钥文件），绝不写入配置文件。</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Address (URL):</source>
        <translation>地址(&amp;A)（URL）：</translation>
    </message>
    <message>
        <source>&amp;Merchant number:</source>
        <translation>商户编号(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Terminal number:</source>
        <translation>终端编号(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Merchant number (mchid):</source>
        <translation>商户号(&amp;M)（mchid）：</translation>
    </message>
    <message>
        <source>Service &amp;provider&apos;s number (sp_mchid):</source>
        <translation>服务商商户号(&amp;P)（sp_mchid）：</translation>
    </message>
    <message>
        <source>S&amp;ub-merchant number (sub_mchid):</source>
        <translation>子商户号(&amp;U)（sub_mchid）：</translation>
    </message>
    <message>
        <source>API certificate &amp;serial:</source>
        <translation>API 证书序列号(&amp;S)：</translation>
    </message>
    <message>
        <source>Public key &amp;ID (PUB_KEY_ID_…):</source>
        <translation>公钥 ID(&amp;I)（PUB_KEY_ID_…）：</translation>
    </message>
    <message>
        <source>&amp;Gateway (URL):</source>
        <translation>网关(&amp;G)（URL）：</translation>
    </message>
    <message>
        <source>&amp;App ID:</source>
        <translation>应用 ID(&amp;A)：</translation>
    </message>
    <message>
        <source>From a &amp;file…</source>
        <translation>从文件(&amp;F)…</translation>
    </message>
    <message>
        <source>The platform&apos;s public &amp;key or certificates (PEM), written to the config folder:</source>
        <translation>平台公钥或证书(&amp;K)（PEM），将写入配置文件夹：</translation>
    </message>
    <message>
        <source>From a fi&amp;le…</source>
        <translation>从文件(&amp;L)…</translation>
    </message>
    <message>
        <source>Sa&amp;ve public key</source>
        <translation>保存公钥(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Check with the platform</source>
        <translation>向平台核验(&amp;C)</translation>
    </message>
    <message>
        <source>Platform kind</source>
        <translation>平台类型</translation>
    </message>
    <message>
        <source>Store the private key from its file</source>
        <translation>从文件保存私钥</translation>
    </message>
    <message>
        <source>The platform&apos;s public key or certificates</source>
        <translation>平台公钥或证书</translation>
    </message>
    <message>
        <source>Read the public key from a file</source>
        <translation>从文件读取公钥</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>保存公钥</translation>
    </message>
    <message>
        <source>Save the key in the credential store</source>
        <translation>把密钥保存到系统凭据库</translation>
    </message>
    <message>
        <source>Check the key with a signed request</source>
        <translation>用签名请求核验密钥</translation>
    </message>
    <message>
        <source>Whether a key is stored</source>
        <translation>是否已保存密钥</translation>
    </message>
    <message>
        <source>What the platform answered</source>
        <translation>平台的回复</translation>
    </message>
    <message>
        <source>Network (Ethernet / Wi-Fi)</source>
        <translation>网络（网线 / Wi-Fi）</translation>
    </message>
    <message>
        <source>USB (direct)</source>
        <translation>USB（直连）</translation>
    </message>
    <message>
        <source>Serial port (COM)</source>
        <translation>串口（COM）</translation>
    </message>
    <message>
        <source>System print queue (CUPS)</source>
        <translation>系统打印队列（CUPS）</translation>
    </message>
    <message>
        <source>System print queue (lp)</source>
        <translation>系统打印队列（lp）</translation>
    </message>
    <message>
        <source>Windows printer (vendor driver)</source>
        <translation>Windows 打印机（厂商驱动）</translation>
    </message>
    <message>
        <source>Device file</source>
        <translation>设备文件</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>receipt printer (answers: offline)</source>
        <translation>小票打印机（回应：离线）</translation>
    </message>
    <message>
        <source>receipt printer (answers: online)</source>
        <translation>小票打印机（回应：在线）</translation>
    </message>
    <message>
        <source>answers, but not a receipt printer</source>
        <translation>有回应，但不是小票打印机</translation>
    </message>
    <message>
        <source>takes connections, does not answer status queries</source>
        <translation>能连接，但不回应状态查询</translation>
    </message>
    <message>
        <source>Looking for USB, serial and system printers…</source>
        <translation>正在查找 USB、串口和系统打印机…</translation>
    </message>
    <message>
        <source>{count} found on this computer.</source>
        <translation>本机找到 {count} 个。</translation>
    </message>
    <message>
        <source>Finding failed: {error}</source>
        <translation>查找失败：{error}</translation>
    </message>
    <message>
        <source>Stopping the scan…</source>
        <translation>正在停止扫描…</translation>
    </message>
    <message>
        <source>Type the addresses or ranges to scan, e.g. 192.168.1.0/24.</source>
        <translation>请输入要扫描的地址或网段，例如 192.168.1.0/24。</translation>
    </message>
    <message>
        <source>Scanning {ranges} for port {port}…</source>
        <translation>正在扫描 {ranges} 的 {port} 端口…</translation>
    </message>
    <message>
        <source>Scan stopped after {probed} of {total} addresses: {printers} printer(s) found so far.</source>
        <translation>扫描已停止（已扫 {probed}/{total} 个地址）：目前找到 {printers} 台打印机。</translation>
    </message>
    <message>
        <source>{probed} addresses scanned: {printers} printer(s) found.</source>
        <translation>已扫描 {probed} 个地址：找到 {printers} 台打印机。</translation>
    </message>
    <message>
        <source>Not scanned: {error}</source>
        <translation>未扫描：{error}</translation>
    </message>
    <message>
        <source>{where} is not a receipt printer ({description}); choose another.</source>
        <translation>{where} 不是小票打印机（{description}）；请选择其他设备。</translation>
    </message>
    <message>
        <source>Asking the printer for its status (DLE EOT)…</source>
        <translation>正在询问打印机状态（DLE EOT）…</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>正在发送到打印机…</translation>
    </message>
    <message>
        <source>The printer answers DLE EOT status queries.</source>
        <translation>打印机能回应 DLE EOT 状态查询。</translation>
    </message>
    <message>
        <source>The printer does not answer DLE EOT status queries.</source>
        <translation>打印机不回应 DLE EOT 状态查询。</translation>
    </message>
    <message>
        <source>Read the chart: choose the first block that printed right as the character set, and the paper width the rulers show.</source>
        <translation>请看字符集测试页：把第一个打印正确的区块选为字符集，并按标尺选择纸宽。</translation>
    </message>
    <message>
        <source>Was the paper cut? Tick or untick “The printer has a cutter”.</source>
        <translation>纸切断了吗？相应勾选或取消“打印机有切刀”。</translation>
    </message>
    <message>
        <source>Did the cash drawer open? Tick “Open the cash drawer” if the store wants it with each receipt.</source>
        <translation>钱箱打开了吗？如门店需要每张小票都开钱箱，请勾选“开钱箱”。</translation>
    </message>
    <message>
        <source>Check the test page: the Chinese line, and the ruler ending at the paper&apos;s edge.</source>
        <translation>请检查测试页：中文一行是否正确，标尺是否正好到纸边。</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>已发送。</translation>
    </message>
    <message>
        <source>The printer could not be tried: {error}</source>
        <translation>无法测试打印机：{error}</translation>
    </message>
    <message>
        <source>The printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Find the receipt printer, tell the app how to reach it, and try it before the first receipt.</source>
        <translation>找到小票打印机，设置连接方式，并在打印第一张小票前测试它。</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Look on this &amp;computer (USB, serial, queues)</source>
        <translation>在本机查找(&amp;C)（USB、串口、打印队列）</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>网络(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.0/24 or 192.168.1.50</source>
        <translation>例如 192.168.1.0/24 或 192.168.1.50</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Connection and paper</source>
        <translation>连接与纸张</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>连接方式(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;IP address:</source>
        <translation>IP 地址(&amp;I)：</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>端口(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Vendor id (hex):</source>
        <translation>厂商编号(&amp;V)（十六进制）：</translation>
    </message>
    <message>
        <source>Pro&amp;duct id (hex):</source>
        <translation>产品编号(&amp;D)（十六进制）：</translation>
    </message>
    <message>
        <source>&amp;Serial port:</source>
        <translation>串口(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Baud rate:</source>
        <translation>波特率(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Queue name:</source>
        <translation>打印队列名(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Device path:</source>
        <translation>设备路径(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>{mm}, {columns} columns</source>
        <translation>{mm}，每行 {columns} 字符</translation>
    </message>
    <message>
        <source>C&amp;haracter set (chart block):</source>
        <translation>字符集(&amp;H)（测试页区块）：</translation>
    </message>
    <message>
        <source>The printer has a c&amp;utter</source>
        <translation>打印机有切刀(&amp;U)</translation>
    </message>
    <message>
        <source>Open the cash d&amp;rawer with each receipt</source>
        <translation>每张小票都开钱箱(&amp;R)</translation>
    </message>
    <message>
        <source>As&amp;k the printer&apos;s status before each receipt</source>
        <translation>每张小票前查询打印机状态(&amp;K)</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Check &amp;status</source>
        <translation>检查状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Test page</source>
        <translation>测试页(&amp;T)</translation>
    </message>
    <message>
        <source>Code page c&amp;hart</source>
        <translation>字符集测试页(&amp;H)</translation>
    </message>
    <message>
        <source>Cu&amp;tter test</source>
        <translation>切刀测试(&amp;T)</translation>
    </message>
    <message>
        <source>Dra&amp;wer test</source>
        <translation>钱箱测试(&amp;W)</translation>
    </message>
    <message>
        <source>Look for printers on this computer</source>
        <translation>在本机查找打印机</translation>
    </message>
    <message>
        <source>Network addresses to scan</source>
        <translation>要扫描的网络地址</translation>
    </message>
    <message>
        <source>Addresses or ranges, e.g. 192.168.1.0/24; at most 1024 addresses</source>
        <translation>地址或网段，例如 192.168.1.0/24；最多 1024 个地址</translation>
    </message>
    <message>
        <source>Printer port to scan</source>
        <translation>要扫描的打印机端口</translation>
    </message>
    <message>
        <source>Scan progress</source>
        <translation>扫描进度</translation>
    </message>
    <message>
        <source>Printers found</source>
        <translation>找到的打印机</translation>
    </message>
    <message>
        <source>Choose one to fill in its connection</source>
        <translation>选择一台以填入其连接设置</translation>
    </message>
    <message>
        <source>What finding found</source>
        <translation>查找结果</translation>
    </message>
    <message>
        <source>Connection kind</source>
        <translation>连接方式</translation>
    </message>
    <message>
        <source>Printer IP address</source>
        <translation>打印机 IP 地址</translation>
    </message>
    <message>
        <source>Printer port</source>
        <translation>打印机端口</translation>
    </message>
    <message>
        <source>USB vendor id</source>
        <translation>USB 厂商编号</translation>
    </message>
    <message>
        <source>USB product id</source>
        <translation>USB 产品编号</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>System print queue</source>
        <translation>系统打印队列</translation>
    </message>
    <message>
        <source>Printer device path</source>
        <translation>打印机设备路径</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <source>Character set</source>
        <translation>字符集</translation>
    </message>
    <message>
        <source>The first block of the code page chart that printed right</source>
        <translation>字符集测试页上第一个打印正确的区块</translation>
    </message>
    <message>
        <source>The printer has a cutter</source>
        <translation>打印机有切刀</translation>
    </message>
    <message>
        <source>Open the cash drawer with each receipt</source>
        <translation>每张小票都开钱箱</translation>
    </message>
    <message>
        <source>Ask the printer&apos;s status before each receipt</source>
        <translation>每张小票前查询打印机状态</translation>
    </message>
    <message>
        <source>Check the printer&apos;s status</source>
        <translation>检查打印机状态</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Print the code page chart</source>
        <translation>打印字符集测试页</translation>
    </message>
    <message>
        <source>Test the cutter</source>
        <translation>测试切刀</translation>
    </message>
    <message>
        <source>Test the cash drawer</source>
        <translation>测试钱箱</translation>
    </message>
    <message>
        <source>What the printer answered</source>
        <translation>打印机的回应</translation>
    </message>
    <message>
        <source>Scan the &amp;network</source>
        <translation>扫描网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Cancel the scan</source>
        <translation>取消扫描(&amp;C)</translation>
    </message>
    <message>
        <source>The configuration in place cannot be read ({error}). The wizard starts from the defaults; the old file is kept as a backup when you finish.</source>
        <translation>现有配置无法读取（{error}）。向导将从默认设置开始；完成时旧文件会保留为备份。</translation>
    </message>
    <message>
        <source>Language and store</source>
        <translation>语言与门店</translation>
    </message>
    <message>
        <source>Which language the window speaks, and which store this till is in.</source>
        <translation>界面使用的语言，以及这台收银机所在的门店。</translation>
    </message>
    <message>
        <source>As the computer (Chinese on a Chinese system)</source>
        <translation>跟随系统（中文系统显示中文）</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Store &amp;name</source>
        <translation>门店名称(&amp;N)</translation>
    </message>
    <message>
        <source>Store n&amp;umber</source>
        <translation>门店编号(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Time offset from UTC</source>
        <translation>时区(&amp;T)（相对 UTC）</translation>
    </message>
    <message>
        <source>e.g. 星河便利店 (shown in help and bundles)</source>
        <translation>例如 星河便利店（显示在帮助和诊断包中）</translation>
    </message>
    <message>
        <source>e.g. SZ-0042 (letters, digits, - and _)</source>
        <translation>例如 SZ-0042（字母、数字、- 和 _）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language of the window; it changes at once</source>
        <translation>界面语言；选择后立即切换</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>Store number</source>
        <translation>门店编号</translation>
    </message>
    <message>
        <source>Time offset from UTC</source>
        <translation>时区（相对 UTC）</translation>
    </message>
    <message>
        <source>The store&apos;s time zone as ±HH:MM, for receipt times without one</source>
        <translation>门店时区（±HH:MM），用于没有时区的小票时间</translation>
    </message>
    <message>
        <source>The configuration in place cannot be read</source>
        <translation>现有配置无法读取</translation>
    </message>
    <message>
        <source>Print or observe</source>
        <translation>打印或旁观</translation>
    </message>
    <message>
        <source>Who prints the receipts at this till?</source>
        <translation>这台收银机的小票由谁打印？</translation>
    </message>
    <message>
        <source>&amp;Print: this app prints every receipt</source>
        <translation>打印(&amp;P)：由本软件打印每张小票</translation>
    </message>
    <message>
        <source>The till only writes print.txt; the app prints it, reprints, and holds receipts while the printer is down.</source>
        <translation>收银程序只写 print.txt；本软件负责打印、补打，打印机故障时暂存小票。</translation>
    </message>
    <message>
        <source>&amp;Observe: the till prints, the app only records</source>
        <translation>旁观(&amp;O)：收银程序打印，本软件只记录</translation>
    </message>
    <message>
        <source>The till keeps printing as it does; the app records every receipt, finds paid orders without one, and can still reprint on request.</source>
        <translation>收银程序照常打印；本软件记录每张小票，发现已支付但没有小票的订单，并可按需补打。</translation>
    </message>
    <message>
        <source>Print mode</source>
        <translation>打印模式</translation>
    </message>
    <message>
        <source>Observe mode</source>
        <translation>旁观模式</translation>
    </message>
    <message>
        <source>Platform key: the credential store cannot be asked ({error}).</source>
        <translation>平台密钥：无法访问系统凭据库（{error}）。</translation>
    </message>
    <message>
        <source>Platform key for {account}: stored.</source>
        <translation>{account} 的平台密钥：已保存。</translation>
    </message>
    <message>
        <source>Platform key for {account}: not stored. Lookups and reconciliation will not work until it is (Settings → Platform key).</source>
        <translation>{account} 的平台密钥：未保存。保存前无法查单和对账（设置 → 平台密钥）。</translation>
    </message>
    <message>
        <source>This is written to {path}. The file there now is kept as a backup beside it.</source>
        <translation>将写入 {path}。现有文件会作为备份保存在旁边。</translation>
    </message>
    <message>
        <source>This is written to {path}.</source>
        <translation>将写入 {path}。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>The whole configuration. Finish writes it and starts the app on it; the platform key is not in it (it is in the credential store).</source>
        <translation>完整配置。完成后写入并按此启动软件；平台密钥不在其中（在系统凭据库中）。</translation>
    </message>
    <message>
        <source>The &amp;file, as written (settings left at their defaults are not in it):</source>
        <translation>写入的文件(&amp;F)（保持默认值的设置不会写入）：</translation>
    </message>
    <message>
        <source>The store&apos;s setup at a glance</source>
        <translation>门店设置一览</translation>
    </message>
    <message>
        <source>The configuration to be written</source>
        <translation>将写入的配置</translation>
    </message>
    <message>
        <source>Where the configuration is written</source>
        <translation>配置写入位置</translation>
    </message>
    <message>
        <source>Outcome of writing</source>
        <translation>写入结果</translation>
    </message>
    <message>
        <source>Whether the platform key is stored</source>
        <translation>是否已保存平台密钥</translation>
    </message>
    <message>
        <source>service provider {sp}, sub-merchant {sub}</source>
        <translation>服务商 {sp}，子商户 {sub}</translation>
    </message>
    <message>
        <source>merchant {merchant}</source>
        <translation>商户 {merchant}</translation>
    </message>
    <message>
        <source>public key {id}</source>
        <translation>公钥 {id}</translation>
    </message>
    <message>
        <source>platform certificates</source>
        <translation>平台证书</translation>
    </message>
    <message>
        <source>merchant {merchant}, terminal {terminal}</source>
        <translation>商户 {merchant}，终端 {terminal}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>language: {language}</source>
        <translation>语言：{language}</translation>
    </message>
    <message>
        <source>Till folder</source>
        <translation>收银程序文件夹</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>the app prints</source>
        <translation>由本软件打印</translation>
    </message>
    <message>
        <source>the till prints, the app records</source>
        <translation>收银程序打印，本软件记录</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Paper and characters</source>
        <translation>纸张与字符集</translation>
    </message>
    <message>
        <source>{columns} columns, {charset}; cutter {cutter}, drawer {drawer}, status asked {status}</source>
        <translation>每行 {columns} 字符，{charset}；切刀：{cutter}，钱箱：{drawer}，查询状态：{status}</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Not written: {error}</source>
        <translation>未写入：{error}</translation>
    </message>
    <message>
        <source>Set up the cashier companion</source>
        <translation>设置收银伴侣</translation>
    </message>
    <message>
        <source>&amp;Write and start</source>
        <translation>写入并启动(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Write and start</source>
        <translation>写入并启动</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Cancel the setup</source>
        <translation>取消设置</translation>
    </message>
</context>
<context>
    <name>SignInGate</name>
    <message>
        <source>Nobody signs in at this till.</source>
        <translation>本收银台无需登录。</translation>
    </message>
    <message>
        <source>Shift change: the next person signs in.</source>
        <translation>交班：请下一位登录。</translation>
    </message>
    <message>
        <source>Signed out after {minutes} min without use.</source>
        <translation>{minutes} 分钟未操作，已自动退出登录。</translation>
    </message>
    <message>
        <source>{person} signed in ({role}).</source>
        <translation>{person} 已登录（{role}）。</translation>
    </message>
    <message>
        <source>Your PIN is changed.</source>
        <translation>您的 PIN 已更改。</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>Switch person (shift change)</source>
        <translation>切换人员（交班）</translation>
    </message>
    <message>
        <source>Change my PIN…</source>
        <translation>更改我的 PIN…</translation>
    </message>
    <message>
        <source>Change my PIN</source>
        <translation>更改我的 PIN</translation>
    </message>
    <message>
        <source>&amp;Current PIN</source>
        <translation>当前 PIN(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New PIN</source>
        <translation>新 PIN(&amp;N)</translation>
    </message>
    <message>
        <source>New PIN &amp;again</source>
        <translation>再次输入新 PIN(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <source>Add the store&apos;s first manager</source>
        <translation>添加本店第一位店长</translation>
    </message>
    <message>
        <source>People sign in at this till, and nobody can yet. The first manager added here signs in and then adds the others on the People page.</source>
        <translation>本收银台需要登录，但还没有任何人员。在此添加的第一位店长将直接登录，然后在“人员”页面添加其他人。</translation>
    </message>
    <message>
        <source>Add and sign in</source>
        <translation>添加并登录</translation>
    </message>
    <message>
        <source>Trainee: sign in</source>
        <translation>学员登录</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your trainee number (nobody is set up with a PIN at this store, so none is asked). Each trainee has their own lessons.</source>
        <translation>请输入学员编号（本店还没有设置人员，无需 PIN）。每位学员有自己的课程进度。</translation>
    </message>
    <message>
        <source>Enter your person number and PIN. Receipts keep printing meanwhile.</source>
        <translation>请输入人员编号和 PIN。期间小票照常打印。</translation>
    </message>
    <message>
        <source>Person &amp;number</source>
        <translation>人员编号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <source>PIN &amp;again</source>
        <translation>再次输入 PIN(&amp;A)</translation>
    </message>
    <message>
        <source>F12 at any time: the next person signs in (shift change).</source>
        <translation>随时按 F12：下一位人员登录（交班）。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Merchant platform</source>
        <translation>商户平台</translation>
    </message>
    <message>
        <source>Open cases: {count}</source>
        <translation>待处理异常：{count}</translation>
    </message>
    <message>
        <source>Signed in: {person} (F12: switch)</source>
        <translation>已登录：{person}（F12 切换）</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Cashier: {operator}</source>
        <translation>收银员：{operator}</translation>
    </message>
</context>
<context>
    <name>TechnicianPage</name>
    <message>
        <source>The sniffer is stopped. Point the till at the printer again.</source>
        <translation>抓包已停止。请把收银机的打印机地址改回真实打印机。</translation>
    </message>
    <message>
        <source>The sniffer did not start: {error}</source>
        <translation>抓包未能启动：{error}</translation>
    </message>
    <message>
        <source>this computer&apos;s address</source>
        <translation>本机地址</translation>
    </message>
    <message>
        <source>Sniffing: set the till&apos;s printer to {where}, port {port}. Every job is passed on to {upstream} unchanged and shown here.</source>
        <translation>正在抓包：请把收银机的打印机设为 {where}，端口 {port}。每个打印任务都原样转发到 {upstream}，并显示在这里。</translation>
    </message>
    <message>
        <source>passed on</source>
        <translation>已转发</translation>
    </message>
    <message>
        <source>NOT passed on: {error}</source>
        <translation>未转发：{error}</translation>
    </message>
    <message>
        <source>, {count} problem(s)</source>
        <translation>，{count} 个问题</translation>
    </message>
    <message>
        <source>(nothing to draw)</source>
        <translation>（没有可显示的内容）</translation>
    </message>
    <message>
        <source>From {peer} to {upstream}: {size} bytes sent, {replies} bytes answered.</source>
        <translation>从 {peer} 到 {upstream}：发送 {size} 字节，回应 {replies} 字节。</translation>
    </message>
    <message>
        <source>What a real printer would garble:</source>
        <translation>真实打印机会打错的地方：</translation>
    </message>
    <message>
        <source>This computer only (the till runs here)</source>
        <translation>仅本机（收银程序在本机运行）</translation>
    </message>
    <message>
        <source>The store&apos;s network (the till is another computer)</source>
        <translation>门店网络（收银程序在另一台电脑）</translation>
    </message>
    <message>
        <source>&amp;Listen for the till on:</source>
        <translation>监听收银机(&amp;L)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Pass on to the &amp;real printer (address:port):</source>
        <translation>转发到真实打印机(&amp;R)（地址:端口）：</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.50:9100</source>
        <translation>例如 192.168.1.50:9100</translation>
    </message>
    <message>
        <source>Where the sniffer listens for the till</source>
        <translation>抓包监听收银机的位置</translation>
    </message>
    <message>
        <source>The sniffer&apos;s port</source>
        <translation>抓包端口</translation>
    </message>
    <message>
        <source>The real printer&apos;s address and port</source>
        <translation>真实打印机的地址和端口</translation>
    </message>
    <message>
        <source>What the sniffer is doing</source>
        <translation>抓包状态</translation>
    </message>
    <message>
        <source>Jobs the till sent</source>
        <translation>收银机发送的打印任务</translation>
    </message>
    <message>
        <source>The selected job as a receipt picture</source>
        <translation>所选任务的小票图片</translation>
    </message>
    <message>
        <source>The receipt picture</source>
        <translation>小票图片</translation>
    </message>
    <message>
        <source>The selected job&apos;s decoded text and problems</source>
        <translation>所选任务的解码文字和问题</translation>
    </message>
    <message>
        <source>&amp;Stop sniffing</source>
        <translation>停止抓包(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Start sniffing</source>
        <translation>开始抓包(&amp;S)</translation>
    </message>
    <message>
        <source>Put the virtual printer between the till and the real printer</source>
        <translation>把虚拟打印机放在收银机和真实打印机之间</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Checking the configuration, folders, journal, printers, platform and clock…</source>
        <translation>正在检查配置、文件夹、记录数据库、打印机、平台和时钟…</translation>
    </message>
    <message>
        <source>Checked at {time}: {faults} fault(s), {warnings} to look at, the rest fine. Again every 30 s while this page is shown.</source>
        <translation>{time} 检查：{faults} 个故障，{warnings} 个需注意，其余正常。本页显示时每 30 秒重新检查。</translation>
    </message>
    <message>
        <source>Save the diagnostic bundle</source>
        <translation>保存诊断包</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>正在写入诊断包…</translation>
    </message>
    <message>
        <source>The bundle is saved: {path} ({count} files, no key in it).</source>
        <translation>诊断包已保存：{path}（{count} 个文件，不含密钥）。</translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>拒收：{reason}</translation>
    </message>
    <message>
        <source>the same bytes again (not printed twice)</source>
        <translation>内容重复（不会重复打印）</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Job #{job} is tried again now.</source>
        <translation>任务 #{job} 正在重试。</translation>
    </message>
    <message>
        <source>The test receipt is queued for {printer} as job #{job}; it prints after the receipts before it.</source>
        <translation>测试小票已加入 {printer} 的打印队列（任务 #{job}），排在前面的小票之后打印。</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>失败：{error}</translation>
    </message>
    <message>
        <source>Technician&apos;s bench</source>
        <translation>技术员工作台</translation>
    </message>
    <message>
        <source>&amp;Diagnosis</source>
        <translation>诊断(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Print &amp;queue</source>
        <translation>打印队列(&amp;Q)</translation>
    </message>
    <message>
        <source>S&amp;niffer</source>
        <translation>抓包(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>立即检查(&amp;C)</translation>
    </message>
    <message>
        <source>Save diagnostic &amp;bundle…</source>
        <translation>保存诊断包(&amp;B)…</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <source>&amp;Read again</source>
        <translation>重新读取(&amp;R)</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>写入时间</translation>
    </message>
    <message>
        <source>Folder and file</source>
        <translation>文件夹与文件</translation>
    </message>
    <message>
        <source>Taken as</source>
        <translation>识别为</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Why it waits</source>
        <translation>等待原因</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>立即重试(&amp;R)</translation>
    </message>
    <message>
        <source>Print a &amp;test receipt</source>
        <translation>打印测试小票(&amp;T)</translation>
    </message>
    <message>
        <source>Technician&apos;s tools</source>
        <translation>技术员工具</translation>
    </message>
    <message>
        <source>Run the checks now</source>
        <translation>立即运行检查</translation>
    </message>
    <message>
        <source>Save a diagnostic bundle for support</source>
        <translation>保存诊断包供技术支持使用</translation>
    </message>
    <message>
        <source>Report, configuration, logs, jobs and open cases; never the key</source>
        <translation>报告、配置、日志、打印任务和未结案例；绝不含密钥</translation>
    </message>
    <message>
        <source>When the checks ran and what they found</source>
        <translation>检查时间及结果</translation>
    </message>
    <message>
        <source>The checks, faults first, with what to do</source>
        <translation>检查结果（故障在前）及处理方法</translation>
    </message>
    <message>
        <source>Read the file activity again</source>
        <translation>重新读取文件记录</translation>
    </message>
    <message>
        <source>Was print.txt written, and when</source>
        <translation>print.txt 是否写入、何时写入</translation>
    </message>
    <message>
        <source>The files the till wrote, newest first</source>
        <translation>收银程序写入的文件（最新在前）</translation>
    </message>
    <message>
        <source>Print jobs held by a printer fault</source>
        <translation>因打印机故障暂停的打印任务</translation>
    </message>
    <message>
        <source>Retry the selected held job now</source>
        <translation>立即重试所选的暂停任务</translation>
    </message>
    <message>
        <source>Printer for the test receipt</source>
        <translation>打印测试小票的打印机</translation>
    </message>
    <message>
        <source>Print a test receipt through the print queue</source>
        <translation>通过打印队列打印测试小票</translation>
    </message>
    <message>
        <source>What the print queue did</source>
        <translation>打印队列的处理结果</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Save the training report</source>
        <translation>保存培训报告</translation>
    </message>
    <message>
        <source>Training report saved to {path}</source>
        <translation>培训报告已保存到 {path}</translation>
    </message>
    <message>
        <source>{title}: {score} points of 100</source>
        <translation>{title}：{score} 分（满分 100）</translation>
    </message>
    <message>
        <source>How the real case was handled:</source>
        <translation>真实案例当时的处理过程：</translation>
    </message>
    <message>
        <source>Lesson done ({key})</source>
        <translation>本课完成（{key}）</translation>
    </message>
    <message>
        <source>Load paper</source>
        <translation>装纸</translation>
    </message>
    <message>
        <source>Training report (CSV)…</source>
        <translation>培训报告（CSV）…</translation>
    </message>
    <message>
        <source>Feedback on the last lesson</source>
        <translation>上一课的反馈</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Cashier Companion</source>
        <translation>收银伴侣</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
</TS>
