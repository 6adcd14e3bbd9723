export {
  articleLinks,
  listArticles,
  listOutlets,
  type ArticleListItem as ArticleCard,
} from "../../store/read/index.js";
