<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>Cashier Companion</source>
        <translation>收银小票助手</translation>
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
        <source>Cancel…</source>
        <translation>取消…</translation>
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
        <source>and {count} more</source>
        <translation>另有 {count} 张</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Nothing to reprint on this page.</source>
        <translation>此页面没有可补打的内容。</translation>
    </message>
    <message>
        <source>Still running in the tray; receipts keep printing.</source>
        <translation>程序仍在托盘中运行，小票照常打印。</translation>
    </message>
    <message>
        <source>Cashier Companion</source>
        <translation>收银小票助手</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Printer ready</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <source>Printer not connected</source>
        <translation>打印机未连接</translation>
    </message>
    <message>
        <source>Check the printer&apos;s cable and power; printing resumes by itself.</source>
        <translation>请检查打印机的数据线和电源，恢复后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer offline</source>
        <translation>打印机离线</translation>
    </message>
    <message>
        <source>Switch the printer on or press its online button; printing resumes by itself.</source>
        <translation>请打开打印机电源或按联机键，恢复后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer cover open</source>
        <translation>打印机上盖打开</translation>
    </message>
    <message>
        <source>Close the printer cover; printing resumes by itself.</source>
        <translation>请合上打印机上盖，之后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer out of paper</source>
        <translation>打印机缺纸</translation>
    </message>
    <message>
        <source>Load a new paper roll; printing resumes by itself.</source>
        <translation>请装入新纸卷，之后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer paper low</source>
        <translation>打印机纸将尽</translation>
    </message>
    <message>
        <source>Have a new paper roll ready.</source>
        <translation>请准备好新纸卷。</translation>
    </message>
    <message>
        <source>Printer cutter fault</source>
        <translation>打印机切刀故障</translation>
    </message>
    <message>
        <source>Open the cover, clear the paper jam at the cutter, then close it.</source>
        <translation>请打开上盖，清除切刀处卡纸，然后合上。</translation>
    </message>
    <message>
        <source>Printer error</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <source>Switch the printer off and on again; call the technician if it stays.</source>
        <translation>请关闭打印机再重新打开；若仍有故障，请联系技术人员。</translation>
    </message>
    <message>
        <source>Printer not responding</source>
        <translation>打印机无响应</translation>
    </message>
    <message>
        <source>Check the printer&apos;s power and cable; printing resumes by itself.</source>
        <translation>请检查打印机的电源和数据线，恢复后会自动继续打印。</translation>
    </message>
    <message>
        <source>Printer status unknown</source>
        <translation>打印机状态未知</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>Printing is retried by itself.</source>
        <translation>会自动重试打印。</translation>
    </message>
    <message>
        <source>The receipt could not be laid out for printing</source>
        <translation>小票排版失败，无法打印</translation>
    </message>
    <message>
        <source>Call the technician.</source>
        <translation>请联系技术人员。</translation>
    </message>
    <message>
        <source>No printer configured</source>
        <translation>未配置打印机</translation>
    </message>
    <message>
        <source>Ask the technician to set up the printer.</source>
        <translation>请联系技术人员设置打印机。</translation>
    </message>
    <message>
        <source>This printer connection does not work on this computer</source>
        <translation>本机不支持此打印机连接方式</translation>
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
        <source>this terminal is not bound to the merchant</source>
        <translation>本终端未绑定到商户</translation>
    </message>
    <message>
        <source>Ask the technician to bind this terminal on the platform.</source>
        <translation>请联系技术人员在平台上绑定本终端。</translation>
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
        <source>Ask the technician to set up the system keyring.</source>
        <translation>请联系技术人员设置系统钥匙串。</translation>
    </message>
    <message>
        <source>Cashier Companion is already running. Look for it in the taskbar or tray.</source>
        <translation>收银小票助手已经在运行。请在任务栏或托盘中找到它。</translation>
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
        <source>Cashier: {operator}</source>
        <translation>收银员：{operator}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Cashier Companion</source>
        <translation>收银小票助手</translation>
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
</TS>
