// The dashboard lands here (issue 4). Until then the page says what the project has.
const app = document.getElementById('app');
if (app) {
  app.textContent = '政府信息公开年报看板：数据导入已可用（npm start），看板界面正在开发中。';
}
